#include "search/synonyms.h"

#include <catch2/catch.hpp>

namespace wegwijzer::search {
namespace {

using Words = std::vector<std::string>;

TEST_CASE("synonyms: a word, a list, phrases; keys and words folded") {
  Diagnostics diags;
  Synonyms s = parse_synonyms(
      "# zoekwoord: [woorden]\n"
      "HAP: [huisartsenpost]\n"
      "suïcide: Zelfdoding\n"
      "poh: [praktijkondersteuner, 'POH-GGZ', praktijkondersteuner]\n",
      "content/zoeken/synoniemen.yaml", &diags);
  CHECK(diags.empty());
  CHECK(s.expansions.size() == 3);
  CHECK(s.expansions["hap"] == Words{"huisartsenpost"});
  CHECK(s.expansions["suicide"] == Words{"zelfdoding"});
  CHECK(s.expansions["poh"] == Words{"praktijkondersteuner", "ggz"});  // "poh" is the key itself
}

TEST_CASE("synonyms: an empty file is no error") {
  Diagnostics diags;
  CHECK(parse_synonyms("# nog niets\n", "s.yaml", &diags).expansions.empty());
  CHECK(diags.empty());
}

TEST_CASE("synonyms: each mistake at its line and column, the good lines still used") {
  Diagnostics diags;
  Synonyms s = parse_synonyms(
      "hap: [huisartsenpost]\n"
      "eerste hulp: [ehbo]\n"
      "poh: {a: b}\n"
      "HAP: [spoedpost]\n"
      "leeg: []\n",
      "content/zoeken/synoniemen.yaml", &diags);
  CHECK(s.expansions.size() == 1);
  CHECK(format_diagnostics(diags) ==
        "content/zoeken/synoniemen.yaml:2:1: error: \"eerste hulp\" must be one word: the key is "
        "the word a reader types\n"
        "  eerste hulp: [ehbo]\n"
        "  ^\n"
        "content/zoeken/synoniemen.yaml:3:6: error: \"poh\" needs a word or a list of words to "
        "search for as well\n"
        "  poh: {a: b}\n"
        "       ^\n"
        "content/zoeken/synoniemen.yaml:4:1: error: \"HAP\" is already listed on line 1\n"
        "  HAP: [spoedpost]\n"
        "  ^\n"
        "content/zoeken/synoniemen.yaml:5:7: error: \"leeg\" needs a word or a list of words to "
        "search for as well\n"
        "  leeg: []\n"
        "        ^\n");
}

TEST_CASE("synonyms: not YAML, or not a list of lines") {
  Diagnostics diags;
  parse_synonyms("hap: [huisartsenpost\n", "s.yaml", &diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message.starts_with("invalid YAML: "));
  Diagnostics list;
  parse_synonyms("- hap\n- poh\n", "s.yaml", &list);
  REQUIRE(list.items().size() == 1);
  CHECK(list.items()[0].message ==
        "the synonyms file must hold lines of the form `word: [other words]`");
  CHECK(list.items()[0].line == 1);
}

}  // namespace
}  // namespace wegwijzer::search
