#include "site/content_loader.h"

#include <algorithm>
#include <set>

#include "util/language_suffix.h"

namespace wegwijzer {

bool is_ignored_file(const std::string& path) {
  for (size_t start = 0; start < path.size();) {
    if (path[start] == '.') return true;  // a part starting with '.'
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string_view name = path;
  if (size_t slash = name.rfind('/'); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  return name.ends_with("~") || name.ends_with(".swp") || name.ends_with(".tmp") ||
         (name.size() > 1 && name[0] == '#' && name.back() == '#');
}

namespace {

// The bundle folder a file belongs to, or "" when it belongs to none.
std::string bundle_of(const std::string& path, const std::set<std::string, std::less<>>& bundles) {
  if (bundles.empty()) return "";
  std::string_view dir = path;
  for (size_t slash = dir.rfind('/'); slash != std::string_view::npos; slash = dir.rfind('/')) {
    dir = dir.substr(0, slash);
    if (bundles.count(dir)) return std::string(dir);
  }
  return "";
}

// What classify_content needs to know of a file, worked out once.
struct ContentFile {
  const std::string* path;
  std::string plain;  // without its language suffix
  int language;
  std::string bundle;  // bundle_of(path)
};

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
  std::vector<ContentFile> files;
  for (const std::string& f : listing) {
    if (has_dot_segment(f)) {
      layout.unsafe_paths.push_back(f);
      continue;
    }
    if (is_ignored_file(f) || f.starts_with(data_prefix)) continue;
    auto [plain, language] = split_language(f, languages);
    files.push_back({&f, std::move(plain), language, ""});
  }
  std::set<std::string, std::less<>> bundles;
  for (const ContentFile& file : files) {
    if (file.plain == "index.md" || file.plain.ends_with("/index.md")) {
      bundles.insert(dir_of(*file.path));
    }
  }
  for (ContentFile& file : files) file.bundle = bundle_of(*file.path, bundles);
  std::map<std::string, int> bundle_page;
  for (const ContentFile& file : files) {
    const std::string& f = *file.path;
    const std::string& bundle = file.bundle;
    const std::string& plain = file.plain;
    // A leaf bundle's other files, Markdown included, are its resources.
    if (!bundle.empty() && plain != bundle + "/index.md") continue;
    if (!f.ends_with(".md")) {
      layout.static_files[f.substr(std::string("content/").size())] = f;
      continue;
    }
    PageSkeleton page;
    page.source_path = f;
    page.language = file.language;
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
  for (const ContentFile& file : files) {
    if (file.bundle.empty() || file.plain == file.bundle + "/index.md") continue;
    layout.pages[bundle_page[file.bundle]].resources.push_back(*file.path);
  }
  return layout;
}

void report_unsafe_paths(const ContentLayout& layout, Diagnostics* diags) {
  for (const std::string& f : layout.unsafe_paths) {
    diags->error(f, 0, 0, "a path may not contain '.' or '..' segments or '//'");
  }
}

}  // namespace wegwijzer
