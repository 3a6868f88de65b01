#include "search/compounds.h"

#include <catch2/catch.hpp>
#include <set>

namespace wegwijzer::search {
namespace {

std::vector<std::string> split(std::string_view word, std::set<std::string> vocabulary) {
  return split_compound(
      word, [&](std::string_view part) { return vocabulary.count(std::string(part)) > 0; });
}

using Parts = std::vector<std::string>;

TEST_CASE("compounds: a word made of known words splits into them") {
  CHECK(split("zelfmoordgedachten", {"zelfmoord", "gedachten", "gedacht", "zelf", "moord"}) ==
        Parts{"zelfmoord", "gedachten"});
  CHECK(split("zelfmoordgedacht", {"zelf", "moord", "gedacht"}) ==
        Parts{"zelf", "moord", "gedacht"});
  CHECK(split("wachtlijst", {"wacht", "lijst"}) == Parts{"wacht", "lijst"});
}

TEST_CASE("compounds: linking letters between parts") {
  CHECK(split("crisisdienst", {"crisi", "dienst"}) == Parts{"crisi", "dienst"});
  CHECK(split("gedachtengang", {"gedacht", "gang"}) == Parts{"gedacht", "gang"});
  CHECK(split("ziekenhuis", {"ziek", "huis"}) == Parts{"ziek", "huis"});
  CHECK(split("zorgs", {"zorg"}).empty());  // a link ends no word
}

TEST_CASE("compounds: no split of unknown parts, short parts or the word itself") {
  CHECK(split("blafkrantolp", {"zorg", "huis"}).empty());
  CHECK(split("bestuur", {"best", "uur", "bestuur"}).empty());  // "uur" is too short
  CHECK(split("zorgzorg", {"zorgzorg"}).empty());
  CHECK(split("huisarts", {"huis", "arts", "huisarts"}) == Parts{"huis", "arts"});
}

TEST_CASE("compounds: the fewest parts win, then the longest first part") {
  std::set<std::string> vocabulary = {"zorg",    "verzekeraar", "zorgverzekeraar", "verzekeraars",
                                      "zorgver", "zekeraar",    "verzeker",        "aars"};
  CHECK(split("zorgverzekeraars", vocabulary) == Parts{"zorg", "verzekeraars"});
  CHECK(split("abcdefghijkl", {"abcd", "efgh", "ijkl", "abcdefgh"}) == Parts{"abcdefgh", "ijkl"});
}

}  // namespace
}  // namespace wegwijzer::search
