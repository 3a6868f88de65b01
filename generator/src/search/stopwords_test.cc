#include "search/stopwords.h"

#include <catch2/catch.hpp>

namespace wegwijzer::search {
namespace {

TEST_CASE("stop words: Dutch function words, never a topic") {
  const std::set<std::string>& dutch = stopwords("nl");
  CHECK(dutch.count("de") == 1);
  CHECK(dutch.count("je") == 1);
  for (const char* topic : {"hulp", "zorg", "crisis", "huisarts", "den", "113"}) {
    CHECK(dutch.count(topic) == 0);
  }
  CHECK(stopwords("nl-BE") == dutch);
  CHECK(stopwords("en").empty());
}

}  // namespace
}  // namespace wegwijzer::search
