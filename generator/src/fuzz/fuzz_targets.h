#pragma once

#include <string_view>

namespace wegwijzer {

// The bodies of the libFuzzer targets (tests/fuzz/*_fuzz.cc). They live in the library so that
// the test suite can replay every input that once crashed (tests/fuzz/regressions/<target>/).
// Each must return normally for any input; a crash or sanitizer report is a bug.
void fuzz_front_matter(std::string_view input);
void fuzz_mustache(std::string_view input);    // template, then "\n---\n", then JSON data
void fuzz_json_source(std::string_view input);
void fuzz_markdown_links(std::string_view input);  // a page body whose links are resolved

}  // namespace wegwijzer
