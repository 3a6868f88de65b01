#pragma once

#include <functional>
#include <string>
#include <vector>

#include "output/output.h"
#include "site/site.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

struct BuildOptions {
  bool drafts = false;
  int jobs = 1;
  std::string base_url;  // overrides the config when set
  std::string today;     // "YYYY-MM-DD" for freshness checks; empty: the real date
  // The extra checks of `wegwijzer check`: readability per page, and a note for every fact that
  // is not shown because it is unverified.
  bool editor_checks = false;
  // Inserted before </body> of every HTML page (the dev server's reload script); never set by
  // `wegwijzer build`.
  std::string inject_before_body_end;
};

struct StageTiming {
  std::string stage;
  double seconds = 0;
};

struct BuildResult {
  Diagnostics diagnostics;
  std::vector<StageTiming> timings;
  size_t pages_written = 0;
  size_t files_written = 0;
  bool ok() const { return !diagnostics.has_errors(); }
};

// The whole pipeline: load → resolve → render Markdown → render templates and write → check.
// Everything goes to `output`; the caller commits or discards it depending on the result. Input
// problems are diagnostics, never exceptions.
BuildResult build_site(const FileSystem& fs, const BuildOptions& options, Output* output);

}  // namespace wegwijzer
