#pragma once

#include <string>
#include <string_view>

#include "content/flat_yaml.h"

namespace wegwijzer {

// The bodies of the libFuzzer targets (tests/fuzz/*_fuzz.cc). They live in the library so that
// the test suite can replay every input that once crashed (tests/fuzz/regressions/<target>/).
// Each must return normally for any input; a crash or sanitizer report is a bug.
void fuzz_front_matter(std::string_view input);  // also: flat_yaml_disagreement() is empty
void fuzz_mustache(std::string_view input);      // template, then "\n---\n", then JSON data
void fuzz_json_source(std::string_view input);
void fuzz_markdown_links(std::string_view input);  // a page body whose links are resolved

}  // namespace wegwijzer
