#pragma once

// Structural mutations of a JSON data file (issue 12), shared by tests/data_mutation_test.cc
// and the fuzz_data_mutation target: flip a value's type, remove or add an object key, empty a
// list, duplicate a list element, or wrap a value in an array or object. The rest of the file's
// text stays as it was (the changed value is spliced in, written on one line), so that line
// numbers in diagnostics still point into a file that looks like the original.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "data/data_files.h"
#include "output/output.h"
#include "site/build.h"

namespace wegwijzer {

// Picks a number in [0, n) for each decision; n > 0.
using Choose = std::function<uint64_t(uint64_t n)>;

struct DataMutation {
  std::string pointer;      // the value changed ("" is the whole document)
  std::string description;  // "type flip at /list/3/codes/0: string -> number (12345)"
  std::string text;         // the whole mutated file
};

// One mutation of the JSON text `text`; nullopt when `text` is not JSON.
std::optional<DataMutation> mutate_json_text(const std::string& text, const Choose& choose);

// Decisions from a byte string (a fuzzer's input): each takes the next bytes, 0 when used up.
class ByteChooser {
 public:
  explicit ByteChooser(std::string_view bytes) : bytes_(bytes) {}
  uint64_t operator()(uint64_t n);
  bool exhausted() const { return pos_ >= bytes_.size(); }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

using SiteFiles = std::map<std::string, std::string>;

// The data files (content/data/<name>.json, not the schemas) among `files`, sorted.
std::vector<std::string> data_file_paths(const SiteFiles& files);

// Whether `text` passes the schema of the data file at `path` (its schemas/<name>.schema.json,
// looked up in `files`), independently of what the file's own "$schema" says.
bool passes_own_schema(const SiteFiles& files, const std::string& path, const std::string& text);

// Runs the data layer on `files`: the load and resolve stages (every data file loaded and
// checked, every page the data makes) and every declared block with every key its data set has,
// and one it has not. Returns the diagnostics. Must not throw for any data.
Diagnostics run_data_layer(const SiteFiles& files);
// Asks every block declared in wegwijzer.yaml for its context with every key, and one unknown.
void ask_every_block(const Site& site, Diagnostics* diags);

// run_data_layer() on variants of one file of a site, without its theme. Not thread-safe.
class DataLayer {
 public:
  explicit DataLayer(const SiteFiles& site);
  // The data layer's diagnostics with the file at `path` holding `text`.
  Diagnostics run(const std::string& path, const std::string& text);

 private:
  SiteFiles files_;
};

// The whole build in memory (jobs 1, a fixed date); with `editor_checks` as `wegwijzer check`.
BuildResult build_in_memory(const SiteFiles& files, bool editor_checks = false);

// content/, templates/, site-assets/ and wegwijzer.yaml of the site at `root`.
SiteFiles read_site_files(const std::string& root);

struct MutatedSite {
  SiteFiles files;
  std::string path;         // the data file mutated
  std::string description;  // what was done to it
};

// A recipe of bytes applied to `site`: which data file, how many mutations (1-3), and each
// mutation's choices (see ByteChooser). nullopt when the site has no data file.
std::optional<MutatedSite> mutate_site(const SiteFiles& site, std::string_view recipe);

// The fuzz target's body: mutate `site` by `recipe`, run the data layer (and with `full_build`
// the whole build), and abort when the invariant of issue 12 breaks: an error in the mutated file
// without a line, or a file failing its schema with no error naming it. An exception escaping is
// a crash too.
void fuzz_data_mutation(const SiteFiles& site, std::string_view recipe, bool full_build);

// Whether the fuzzer also runs the whole build for `recipe`: for one input in eight (decided by
// the input, so that a crash reproduces), as the whole build is some fifty times slower.
inline bool wants_full_build(std::string_view recipe) {
  return !recipe.empty() && (static_cast<unsigned char>(recipe.back()) & 7) == 0;
}

}  // namespace wegwijzer
