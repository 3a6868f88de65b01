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
// droppings are left out.
ContentLayout classify_content(const std::vector<std::string>& files, const std::string& data_dir);

}  // namespace wegwijzer
