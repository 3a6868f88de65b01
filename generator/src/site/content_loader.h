#pragma once

#include "site/site.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

struct LoadOptions {
  bool drafts = false;
  int jobs = 1;
};

// What each file under content/ is, which depends on the list of files only: a page (with its
// kind and, for a bundle, its resources) or a static file to copy.
struct PageSkeleton {
  std::string source_path;
  PageKind kind = PageKind::kPage;
  int language = 0;  // index into the site's languages: x.en.md is the page x.md in English
  std::string content_dir;
  std::vector<std::string> resources;
};
struct ContentLayout {
  std::vector<PageSkeleton> pages;                  // sorted by source path
  std::map<std::string, std::string> static_files;  // output path -> source path
  std::vector<std::string> unsafe_paths;            // with '.' or '..' segments: not used
};
// Reports the unsafe paths of a layout.
void report_unsafe_paths(const ContentLayout& layout, Diagnostics* diags);
// `files` are the paths under content/ (sorted); files under `data_dir`, hidden files and editor
// droppings are left out. `languages` are the codes of the site's other languages: "x.<code>.md"
// is the page x.md in that language (language index = position + 1).
ContentLayout classify_content(const std::vector<std::string>& files, const std::string& data_dir,
                               const std::vector<std::string>& languages = {});

// Editor droppings ("a.md~", "a.md.swp", "#a.md#", "x.tmp") and hidden files or folders, which
// are never part of the site.
bool is_ignored_file(const std::string& path);

// "content/a/b.en.md" -> {"content/a/b.md", 1} when "en" is languages[0]; {path, 0} otherwise.
std::pair<std::string, int> split_language(const std::string& path,
                                           const std::vector<std::string>& languages);

}  // namespace wegwijzer
