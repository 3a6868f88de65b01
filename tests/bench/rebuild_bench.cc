// Rebuild benchmark for `wegwijzer serve`: builds a corpus (tests/bench/rebuild_bench.sh makes
// one with /work/shared/bench/make-corpus.py) in memory, then edits it the way an editor does and
// times each incremental rebuild. Prints figures; it is not a pass/fail test. A folder with
// templates/ of its own (this project's site: bench_rebuild . 9 2) is built with its own
// templates, site-assets/ and wegwijzer.yaml.
//
// usage: bench_rebuild CORPUS_DIR [ROUNDS] [JOBS]

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "bench_arguments.h"
#include "cli/allocator.h"
#include "site/build.h"
#include "site/build_memo.h"
#include "util/cached_file_system.h"
#include "util/parallel.h"

namespace fs = std::filesystem;
using namespace wegwijzer;

namespace {

// Templates with the structure of the Hugo comparison theme (/work/shared/bench/hugo-theme): a
// header with every section, a breadcrumb, the page, a footer; sections list their pages.
const char* const kBase =
    "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>{{page.title}} | {{site.title}}</title>\n"
    "<meta name=\"description\" content=\"{{page.description}}\">\n</head>\n<body>\n"
    "<header><a href=\"/\">{{site.title}}</a>\n<nav aria-label=\"Hoofdmenu\"><ul>{{#menu}}<li><a "
    "href=\"{{url}}\">{{title}}</a></li>{{/menu}}</ul></nav>\n</header>\n"
    "<nav aria-label=\"Kruimelpad\"><ol>{{#ancestors}}<li><a href=\"{{url}}\">{{title}}</a></li>"
    "{{/ancestors}}<li aria-current=\"page\">{{page.title}}</li></ol></nav>\n"
    "<main id=\"main\">{{$main}}{{/main}}</main>\n<footer><p>Bij direct gevaar: bel 112.</p>"
    "</footer>\n</body>\n</html>\n";
const char* const kPage =
    "{{<base}}{{$main}}<article><h1>{{page.title}}</h1>\n<p class=\"lead\">{{page.description}}"
    "</p>\n{{{page.content}}}</article>{{/main}}{{/base}}";
const char* const kSection =
    "{{<base}}{{$main}}<h1>{{page.title}}</h1>\n{{{page.content}}}\n<ul>{{#pages}}<li><a "
    "href=\"{{url}}\">{{title}}</a> {{description}}</li>{{/pages}}</ul>{{/main}}{{/base}}";
const char* const kNotFound = "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{/main}}{{/base}}";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double cpu_ms() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

struct Timing {
  double wall_ms, cpu_ms;
  BuildMemo::Stats stats;
  size_t errors;
  std::vector<StageTiming> stages;
};

std::string stage_list(const std::vector<StageTiming>& stages) {
  std::string out;
  char buf[64];
  for (const StageTiming& t : stages) {
    std::snprintf(buf, sizeof buf, "%s %.1f", t.stage.c_str(), t.seconds * 1000);
    out += (out.empty() ? "" : ", ") + std::string(buf);
  }
  return out;
}

// Scenario rebuilds go through here so that a profiler can select them
// (valgrind --tool=callgrind --toggle-collect=scenario_build).
__attribute__((noinline)) Timing scenario_build(const std::function<Timing()>& build) {
  return build();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

int measure_rebuilds(const bench::BenchArguments& args) {
  fs::path root = args.corpus;
  int rounds = args.rounds;
  int jobs = args.jobs;

  MemoryFileSystem files;
  size_t pages = 0;
  std::vector<std::string> page_paths;
  // A site with templates of its own (this project's, say) is built with them, its assets and
  // its configuration; a generated corpus gets the templates above.
  const bool own_templates = fs::is_directory(root / "templates");
  for (const char* dir : {"content", "templates", "site-assets"}) {
    if (!fs::is_directory(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (!entry.is_regular_file()) continue;
      std::string rel = fs::relative(entry.path(), root).generic_string();
      files.set(rel, read(entry.path()));
      if (rel.starts_with("content/") && rel.ends_with(".md")) {
        ++pages;
        if (!fs::path(rel).filename().string().starts_with("_index.")) page_paths.push_back(rel);
      }
    }
  }
  if (fs::is_regular_file(root / "wegwijzer.yaml"))
    files.set("wegwijzer.yaml", read(root / "wegwijzer.yaml"));
  std::sort(page_paths.begin(), page_paths.end());
  if (!own_templates) {
    files.set("templates/base.html", kBase);
    files.set("templates/page.html", kPage);
    files.set("templates/section.html", kSection);
    files.set("templates/home.html", kSection);
    files.set("templates/404.html", kNotFound);
  }

  CachedFileSystem cached(files);
  BuildMemo cache;
  BuildOptions options;
  options.drafts = true;
  options.jobs = jobs;
  options.inject_before_body_end = "<script src=\"/__wegwijzer/reload.js\"></script>";

  auto build = [&]() {
    double w0 = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now().time_since_epoch())
                    .count();
    double c0 = cpu_ms();
    BuildResult result = build_site(cached, options, nullptr, &cache);
    double w1 = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now().time_since_epoch())
                    .count();
    return Timing{w1 - w0, cpu_ms() - c0, cache.last_build(), result.diagnostics.error_count(),
                  result.timings};
  };
  auto edit = [&](const std::string& path, const std::function<std::string(std::string)>& change) {
    std::string text, error;
    files.read_file(path, &text, &error);
    files.set(path, change(text));
    cached.contents_changed(path);
  };

  std::printf("corpus: %s, %zu Markdown files, %d jobs\n", root.c_str(), pages, jobs);
  const std::string& target = page_paths[page_paths.size() / 2];
  std::printf("edited page: %s\n", target.c_str());
  Timing full = build();
  std::printf("full build:            %8.1f ms wall %8.1f ms CPU, %zu pages rendered, %zu errors\n",
              full.wall_ms, full.cpu_ms, full.stats.pages_rendered, full.errors);
  cache.free_previous_build();
  Timing again = build();
  cache.free_previous_build();
  std::printf("rebuild, no change:    %8.1f ms wall %8.1f ms CPU, %zu pages rendered\n",
              again.wall_ms, again.cpu_ms, again.stats.pages_rendered);
  std::printf("  stages (ms wall): %s\n", stage_list(again.stages).c_str());

  struct Scenario {
    const char* name;
    std::function<void(int round)> apply;
  };
  std::vector<Scenario> scenarios = {
      {"edit one page's text",
       [&](int round) {
         edit(target, [&](std::string t) {
           return t + "\nNieuwe alinea " + std::to_string(round) + ".\n";
         });
       }},
      {"edit one page's title",
       [&](int round) {
         edit(target, [&](std::string t) {
           size_t start = t.find("\ntitle: ") + 8;  // the corpus's titles are quoted
           if (t[start] == '"') ++start;
           return t.substr(0, start) + "Titel " + std::to_string(round) + " " + t.substr(start);
         });
       }},
      {"add a page",
       [&](int round) {
         std::string path =
             target.substr(0, target.rfind('/')) + "/nieuw-" + std::to_string(round) + ".md";
         files.set(path, "---\ntitle: \"Nieuw\"\nweight: 5\n---\n\nTekst.\n");
         cached.invalidate(path);
       }},
      {"edit the page template",
       [&](int round) {
         edit("templates/page.html",
              [&](std::string t) { return t + "<!-- " + std::to_string(round) + " -->"; });
       }},
  };
  const char* only = std::getenv("BENCH_ONLY");
  for (const Scenario& s : scenarios) {
    if (only && std::string(s.name).find(only) == std::string::npos) continue;
    std::vector<double> wall, cpu, freeing;
    Timing last{};
    for (int round = 0; round < rounds; ++round) {
      s.apply(round);
      last = scenario_build(build);
      wall.push_back(last.wall_ms);
      cpu.push_back(last.cpu_ms);
      // The server frees the previous build after it has told the browsers to reload.
      auto t0 = std::chrono::steady_clock::now();
      cache.free_previous_build();
      freeing.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::printf(
        "%-22s %8.1f ms wall %8.1f ms CPU (median of %d); parsed %zu, Markdown %zu, pages %zu, "
        "links rechecked %zu, files changed %zu\n",
        (std::string(s.name) + ":").c_str(), median(wall), median(cpu), rounds,
        last.stats.sources_parsed, last.stats.markdown_rendered, last.stats.pages_rendered,
        last.stats.links_rechecked, last.stats.files_changed);
    std::printf(
        "  stages of the last round (ms wall): %s; then freeing the previous build %.1f ms\n",
        stage_list(last.stages).c_str(), median(freeing));
  }
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak memory: %.0f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bench::BenchArguments args;
  args.rounds = 7;
  args.jobs = default_jobs();
  if (!bench::parse_bench_arguments(argc, argv, "bench_rebuild CORPUS_DIR [ROUNDS] [JOBS]",
                                    &args)) {
    return 2;
  }
  // Through the allocator set-up `wegwijzer` uses (src/cli/main.cc).
  return run_with_allocator([&] { return measure_rebuilds(args); });
}
