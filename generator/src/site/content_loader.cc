#include "site/content_loader.h"

#include <algorithm>
#include <set>

#include "util/language_suffix.h"

namespace wegwijzer {
namespace {}  // namespace

bool is_ignored_file(const std::string& path) {
  for (size_t start = 0; start < path.size();) {
    size_t slash = path.find('/', start);
    std::string part =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!part.empty() && part[0] == '.') return true;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string name = base_name(path);
  return name.ends_with("~") || name.ends_with(".swp") || name.ends_with(".tmp") ||
         (name.size() > 1 && name[0] == '#' && name.back() == '#');
}

namespace {

// The bundle folder a file belongs to, or "" when it belongs to none.
std::string bundle_of(const std::string& path, const std::set<std::string>& bundles) {
  for (std::string dir = dir_of(path); !dir.empty(); dir = dir_of(dir)) {
    if (bundles.count(dir)) return dir;
  }
  return "";
}

// A name like "a/../b" or "a/./b" could put a copy outside the output folder or twice in it. A
// folder on disk never lists one, but a FileSystem is an interface.
bool has_dot_segment(const std::string& path) {
  for (size_t start = 0; start <= path.size();) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string_view part(path.data() + start, slash - start);
    if (part.empty() || part == "." || part == "..") return true;
    start = slash + 1;
  }
  return false;
}

}  // namespace

std::pair<std::string, int> split_language(const std::string& path,
                                           const std::vector<std::string>& languages) {
  return split_language_suffix(path, ".md", languages);
}

ContentLayout classify_content(const std::vector<std::string>& listing, const std::string& data_dir,
                               const std::vector<std::string>& languages) {
  ContentLayout layout;
  std::string data_prefix = data_dir + "/";
  std::vector<std::string> files;
  for (const std::string& f : listing) {
    if (has_dot_segment(f)) {
      layout.unsafe_paths.push_back(f);
      continue;
    }
    if (is_ignored_file(f) || f.rfind(data_prefix, 0) == 0) continue;
    files.push_back(f);
  }
  std::set<std::string> bundles;
  for (const std::string& f : files) {
    if (base_name(split_language(f, languages).first) == "index.md") bundles.insert(dir_of(f));
  }
  std::map<std::string, int> bundle_page;
  for (const std::string& f : files) {
    std::string bundle = bundle_of(f, bundles);
    auto [plain, language] = split_language(f, languages);
    // A leaf bundle's other files, Markdown included, are its resources.
    if (!bundle.empty() && plain != bundle + "/index.md") continue;
    if (!f.ends_with(".md")) {
      layout.static_files[f.substr(std::string("content/").size())] = f;
      continue;
    }
    PageSkeleton page;
    page.source_path = f;
    page.language = language;
    std::string name = base_name(plain);
    if (plain == "content/_index.md") {
      page.kind = PageKind::kHome;
    } else if (name == "_index.md") {
      page.kind = PageKind::kSection;
    }
    page.content_dir = dir_of(f);
    if (f == plain && name == "index.md")
      bundle_page[page.content_dir] = static_cast<int>(layout.pages.size());
    layout.pages.push_back(std::move(page));
  }
  for (const std::string& f : files) {
    std::string bundle = bundle_of(f, bundles);
    if (bundle.empty() || split_language(f, languages).first == bundle + "/index.md") continue;
    layout.pages[bundle_page[bundle]].resources.push_back(f);
  }
  return layout;
}

void report_unsafe_paths(const ContentLayout& layout, Diagnostics* diags) {
  for (const std::string& f : layout.unsafe_paths) {
    diags->error(f, 0, 0, "a path may not contain '.' or '..' segments or '//'");
  }
}

}  // namespace wegwijzer
