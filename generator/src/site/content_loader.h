#pragma once

#include "site/site.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

struct LoadOptions {
  bool drafts = false;
  int jobs = 1;
};

// The load stage for pages: walks content/, reads every Markdown file and its front matter (in
// parallel), and sorts the other files into page-bundle resources and static files. Fills
// site->pages (sorted by source path) and site->static_files.
void load_content(const FileSystem& fs, const LoadOptions& options, Site* site,
                  Diagnostics* diags);

}  // namespace wegwijzer
