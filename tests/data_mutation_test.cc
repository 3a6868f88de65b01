// Issue 12, "No input aborts the build": a data file that fails its schema must end in that
// schema's error at the value's line, never in an exception or a crash. Starting from the project's
// real site (content/, templates/, site-assets/, wegwijzer.yaml), each case mutates ONE data file
// structurally (a value's type flipped, a key removed or added, a list emptied, an element
// duplicated, a value wrapped in an array or object) and runs
//   - the data layer on its own (load, check, pages, blocks: no guard of build_site in between),
//   - and the whole build in memory (every so often; half of those as `wegwijzer check`).
// Neither may throw; every error in the mutated file has a line; a file that fails its schema has
// at least one error naming it. The seed is fixed, so a failure is reproducible from its INFO.

#include "fuzz/data_mutation.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>

#include "util/diagnostic.h"

namespace wegwijzer {
namespace {

constexpr uint64_t kSeed = 20261204;
constexpr int kMutations = 300;
constexpr int kFullBuildEvery =
    12;  // the whole build is slow: every tenth case, and the data layer always

const SiteFiles& real_site_files() {
  static const SiteFiles files = read_site_files(WEGWIJZER_SOURCE_DIR);
  return files;
}

// The first error in `path` without a line, or the empty string; and whether any error names it.
struct Naming {
  bool named = false;
  std::string without_line;
};

Naming errors_in(const Diagnostics& diags, const std::string& path) {
  Naming n;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity != Severity::kError || d.path != path) continue;
    if (d.line <= 0 && n.without_line.empty()) n.without_line = d.message;
    n.named = n.named || d.line > 0;
  }
  return n;
}

}  // namespace

TEST_CASE("mutated data files end in errors at their lines, never in a crash", "[data][slow]") {
  const SiteFiles& site = real_site_files();
  REQUIRE(data_file_paths(site).size() >= 5);
  DataLayer data_layer(site);
  std::mt19937_64 rng(kSeed);
  int invalid = 0;
  for (int i = 0; i < kMutations; ++i) {
    // A recipe of bytes, as the fuzzer gives them (fuzz_data_mutation reads the same recipes).
    std::string recipe(64, '\0');
    for (char& c : recipe) c = static_cast<char>(rng() & 0xff);
    std::optional<MutatedSite> m = mutate_site(site, recipe);
    REQUIRE(m);
    INFO("seed " << kSeed << ", case " << i << ": " << m->path << ": " << m->description);
    bool valid = passes_own_schema(m->files, m->path, m->files.at(m->path));
    if (!valid) ++invalid;

    Diagnostics layer;
    try {
      layer = data_layer.run(m->path, m->files.at(m->path));
    } catch (const std::exception& e) {
      FAIL("the data layer threw: " << e.what());
    } catch (...) {
      FAIL("the data layer threw something");
    }
    Naming n = errors_in(layer, m->path);
    INFO("data layer:\n" << format_diagnostics(layer));
    CHECK(n.without_line == "");
    if (!valid) CHECK(n.named);

    if (i % kFullBuildEvery != 0) continue;
    BuildResult result;
    try {
      result = build_in_memory(m->files, /*editor_checks=*/i % (2 * kFullBuildEvery) == 0);
    } catch (const std::exception& e) {
      FAIL("the build threw: " << e.what());
    } catch (...) {
      FAIL("the build threw something");
    }
    Naming b = errors_in(result.diagnostics, m->path);
    INFO("build:\n" << format_diagnostics(result.diagnostics));
    CHECK(b.without_line == "");
    if (!valid) {
      CHECK(b.named);
      CHECK_FALSE(result.ok());
    }
  }
  // The mutations must mostly break the data, or the test proves little.
  CHECK(invalid > kMutations / 3);
}

// The two cases of the issue, by hand: a gemeente code in regios.json and a postcode's entry in
// postcodes.json set to a number.
TEST_CASE("a number where a gemeente code belongs is reported at its line", "[data]") {
  SiteFiles files = real_site_files();
  for (const auto& [path, needle] : std::vector<std::pair<std::string, std::string>>{
           {"content/data/regios.json", "\"GM0"}, {"content/data/postcodes.json", "[\"GM0"}}) {
    INFO(path);
    SiteFiles mutated = files;
    std::string& text = mutated.at(path);
    size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    size_t quote = text.find('"', at);
    size_t close = text.find('"', quote + 1);
    text.replace(quote, close - quote + 1, "363");
    int line = 1;
    for (size_t i = 0; i < quote; ++i) line += text[i] == '\n';
    REQUIRE_FALSE(passes_own_schema(mutated, path, text));
    for (int full = 0; full < 2; ++full) {
      Diagnostics diags;
      REQUIRE_NOTHROW(diags =
                          full ? build_in_memory(mutated).diagnostics : run_data_layer(mutated));
      INFO(format_diagnostics(diags));
      bool at_line = false;
      for (const Diagnostic& d : diags.items()) {
        at_line = at_line || (d.severity == Severity::kError && d.path == path && d.line == line);
      }
      CHECK(at_line);
    }
  }
}

}  // namespace wegwijzer
