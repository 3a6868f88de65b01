#include "search/text_folding.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace wegwijzer::search {
namespace {

TEST_CASE("text folding: lowercase without accents, ij as two letters") {
  CHECK(fold("Cliëntondersteuning") == "clientondersteuning");
  CHECK(fold("SUÏCIDE café Ĳsselmeer Ærø Straße") == "suicide cafe ijsselmeer aero strasse");
  CHECK(fold("e\xCC\x88n") == "en");  // "e" + combining diaeresis
  CHECK(fold("Ελλάδα") == "Ελλάδα");  // outside Latin: left as it is
}

TEST_CASE("text folding: words are letters and digits, punctuation separates them") {
  CHECK(words("Bel 113 of 0800-0113 (gratis)!") ==
        std::vector<std::string>{"bel", "113", "of", "0800", "0113", "gratis"});
  CHECK(words("’s Avonds – de ggz‑instelling") ==
        std::vector<std::string>{"s", "avonds", "de", "ggz", "instelling"});
  CHECK(words("zelf\xC2\xAD"
              "moord") == std::vector<std::string>{"zelfmoord"});  // soft hyphen
  CHECK(words("").empty());
  std::vector<Token> tokens = tokenize("Ga naar de cliëntondersteuner.");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[3].word == "clientondersteuner");
  CHECK(tokens[3].begin == 11);
  CHECK(tokens[3].end == 30);  // "ë" is two bytes
}

TEST_CASE("text folding: invalid UTF-8 separates words and is not copied") {
  CHECK(words("ab\xFF"
              "cd") == std::vector<std::string>{"ab", "cd"});
  CHECK(words("ab\xC3") == std::vector<std::string>{"ab"});
}

// The table every code point up to U+024F folds to; site-assets/js/zoeken.js is checked against
// the same file (tests/search/stem_test.mjs), so the two sides cannot drift apart.
std::string fold_table() {
  std::string table;
  for (char32_t c = 0x20; c < 0x250; ++c) {
    if (c >= 0x7F && c < 0xA0) continue;
    std::string one;
    append_utf8(c, &one);
    std::string folded = is_word_code_point(c) ? fold(one) : "-";
    if (folded != one) table += one + "\t" + (folded.empty() ? "(none)" : folded) + "\n";
  }
  return table;
}

TEST_CASE("text folding: the table shared with the browser") {
  std::string path = WEGWIJZER_SOURCE_DIR "/tests/search/fold_table.tsv";
  if (std::getenv("WEGWIJZER_UPDATE_FIXTURES") != nullptr) std::ofstream(path) << fold_table();
  std::ifstream in(path);
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK(fold_table() == expected.str());
}

}  // namespace
}  // namespace wegwijzer::search
