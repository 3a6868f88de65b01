#include "site/content_loader.h"

#include <algorithm>
#include <set>

#include "util/parallel.h"

namespace wegwijzer {
namespace {

// Editor droppings and hidden files are never part of the site.
bool is_ignored(const std::string& path) {
  for (size_t start = 0; start < path.size();) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!part.empty() && part[0] == '.') return true;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string name = base_name(path);
  return name.ends_with("~") || name.ends_with(".swp") || name.ends_with(".tmp") ||
         (name.size() > 1 && name[0] == '#' && name.back() == '#');
}

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

ContentLayout classify_content(const std::vector<std::string>& listing,
                               const std::string& data_dir) {
  ContentLayout layout;
  std::string data_prefix = data_dir + "/";
  std::vector<std::string> files;
  for (const std::string& f : listing) {
    if (has_dot_segment(f)) {
      layout.unsafe_paths.push_back(f);
      continue;
    }
    if (is_ignored(f) || f.rfind(data_prefix, 0) == 0) continue;
    files.push_back(f);
  }
  std::set<std::string> bundles;
  for (const std::string& f : files) {
    if (base_name(f) == "index.md") bundles.insert(dir_of(f));
  }
  std::map<std::string, int> bundle_page;
  for (const std::string& f : files) {
    std::string bundle = bundle_of(f, bundles);
    // A leaf bundle's other files, Markdown included, are its resources.
    if (!bundle.empty() && f != bundle + "/index.md") continue;
    if (!f.ends_with(".md")) {
      layout.static_files[f.substr(std::string("content/").size())] = f;
      continue;
    }
    PageSkeleton page;
    page.source_path = f;
    std::string name = base_name(f);
    if (f == "content/_index.md") {
      page.kind = PageKind::kHome;
    } else if (name == "_index.md") {
      page.kind = PageKind::kSection;
    }
    page.content_dir = dir_of(f);
    if (name == "index.md") bundle_page[page.content_dir] = static_cast<int>(layout.pages.size());
    layout.pages.push_back(std::move(page));
  }
  for (const std::string& f : files) {
    std::string bundle = bundle_of(f, bundles);
    if (bundle.empty() || f == bundle + "/index.md") continue;
    layout.pages[bundle_page[bundle]].resources.push_back(f);
  }
  return layout;
}

void report_unsafe_paths(const ContentLayout& layout, Diagnostics* diags) {
  for (const std::string& f : layout.unsafe_paths) {
    diags->error(f, 0, 0, "a path may not contain '.' or '..' segments or '//'");
  }
}

void load_content(const FileSystem& fs, const LoadOptions& options, Site* site,
                  Diagnostics* diags) {
  FileSystem::Listing listing = fs.list_files("content");
  for (const std::string& e : listing.errors) {
    size_t colon = e.find(": ");
    diags->error(e.substr(0, colon), 0, 0, e.substr(colon + 2));
  }
  ContentLayout layout = classify_content(listing.files, site->config.data_dir);
  report_unsafe_paths(layout, diags);
  site->static_files = std::move(layout.static_files);
  std::vector<Page> pages(layout.pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    PageSkeleton& skeleton = layout.pages[i];
    pages[i].source_path = std::move(skeleton.source_path);
    pages[i].kind = skeleton.kind;
    pages[i].content_dir = std::move(skeleton.content_dir);
    pages[i].resources = std::move(skeleton.resources);
  }

  std::vector<Diagnostics> worker_diags(std::max(1, options.jobs));
  std::vector<char> keep(pages.size(), 0);
  parallel_for(pages.size(), options.jobs, [&](size_t i, int worker) {
    Page& page = pages[i];
    Diagnostics& d = worker_diags[worker];
    std::string error;
    if (!fs.read_file(page.source_path, &page.text, &error)) {
      d.error(page.source_path, 0, 0, error);
      page.failed = true;
      keep[i] = 1;
      return;
    }
    ParsedSource parsed;
    // A page whose front matter is broken still takes its place in the site, so that links to it
    // do not add errors of their own; it is not rendered.
    keep[i] = 1;
    if (!parse_page_source(page.source_path, page.text, &parsed, &d)) {
      page.failed = true;
      page.front_matter.title = page.source_path;
      return;
    }
    page.front_matter = std::move(parsed.front_matter);
    page.body_offset = static_cast<size_t>(parsed.body.data() - page.text.data());
    page.body_first_line = parsed.body_first_line;
    keep[i] = !page.front_matter.draft || options.drafts;
  });
  for (Diagnostics& d : worker_diags) diags->merge(std::move(d));

  // Reserved, so that 10,000 pages are moved once and not again each time the vector grows.
  site->pages.reserve(site->pages.size() + pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    if (keep[i]) site->pages.push_back(std::move(pages[i]));
  }
}

}  // namespace wegwijzer
