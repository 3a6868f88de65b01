#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "data/data_files.h"
#include "data/provenance.h"
#include "data/schema_keywords.h"
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
  // The extra checks of `wegwijzer check`: readability per page, stale pages, and the table of
  // facts (BuildResult::facts) with their sources and ages.
  bool editor_checks = false;
  // Inserted before </body> of every HTML page (the dev server's reload script); never set by
  // `wegwijzer build`.
  std::string inject_before_body_end;
  // False when the process ends right after the build (the command line's build and check):
  // the built site is then left to the kernel, which takes a process's memory back at once,
  // instead of being freed block by block (util/process_exit).
  bool free_memory = true;
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
  std::vector<std::pair<std::string, FactRow>> facts;  // with editor_checks: (data file, fact)
  bool ok() const { return !diagnostics.has_errors(); }
};

class BuildMemo;  // site/build_memo.h

// The whole pipeline: load → resolve → markdown → templates → write → check, every stage through
// a BuildMemo. This one starts with an empty memo that keeps nothing: everything goes to
// `output`; the caller commits or discards it depending on the result. Input problems are
// diagnostics, never exceptions.
BuildResult build_site(const FileSystem& fs, const BuildOptions& options, Output* output);

// The load and resolve stages alone: the site with every page the data makes, and what they
// reported; no Markdown, HTML or files. For data-mutation fuzzing, which needs the data layer
// fast. Never throws: anything unexpected becomes an error.
struct ResolvedSite {
  Site site;
  Diagnostics diagnostics;
};
ResolvedSite resolve_site(const FileSystem& fs, const BuildOptions& options);

// The same with a memo that lives across builds (the dev server's rebuilds): what it kept from
// earlier builds is reused where its inputs are unchanged. The result is the same as a fresh
// build of the same files; with a kKeep memo the complete output is in memo->files() afterwards,
// and `output`, which may be null, receives only the files added or changed since the previous
// build.
BuildResult build_site(const FileSystem& fs, const BuildOptions& options, Output* output,
                       BuildMemo* memo);

// The data sets as a build uses them: what the data folder holds, checked (schemas, freshness
// against `today`, references between sets), published without the facts that may not be shown
// (data/provenance.h), and as templates see them.
struct SiteData {
  DataFiles raw;
  std::map<std::string, std::string> exports;  // "data/<name>.json" -> bytes
  FactIndex facts;                             // site.facts
  std::vector<FactIndex> translated_facts;     // the same in each other language
  // site.data per language (the site's own first): each file, with its translation laid over it
  // (data/data_translation), with the members its schema declares for templates ("x-flag",
  // "x-href"; data/schema_keywords) as site/data_view shows it, in that language's words.
  std::vector<nlohmann::json> views;
  // Page URLs in the data ("x-ref": "page"), for check_page_references once pages exist.
  std::vector<PageReference> page_references;
  Diagnostics diagnostics;
};
// `strings`: the theme's words per language, the site's own language first (config.languages
// after it); missing entries count as empty. The data sets are read and checked on up to `jobs`
// threads.
SiteData load_site_data(const FileSystem& fs, const SiteConfig& config, const std::string& today,
                        const std::vector<Strings>& strings = {}, int jobs = 1);

}  // namespace wegwijzer
