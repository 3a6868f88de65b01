#include "site/data_view.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

using nlohmann::json;

TEST_CASE("data view: only what the policy shows, with counts, flags and herkomst") {
  json data = json::parse(R"({
    "bron": {"source": "Test"},
    "items": [
      {"id": "a", "zekerheid": "hoog", "source": "https://x.nl/a", "redactie_noot": "intern"},
      {"id": "b", "zekerheid": "laag", "source": "Lijst"},
      {"id": "c", "zekerheid": "middel", "gecontroleerd": {"datum": "2026-11-01", "door": "redactie"}}
    ],
    "map": {"1011": ["x"]},
    "empty": []
  })");
  Strings strings;
  json view = template_view(data, strings, ShowPolicy());
  REQUIRE(view["items"].size() == 2);
  CHECK(view["items"][0]["id"] == "a");
  CHECK_FALSE(view["items"][0].contains("redactie_noot"));
  CHECK(view["items"][0]["herkomst"]["source_url"] == "https://x.nl/a");
  CHECK(view["items"][1]["id"] == "c");  // checked, so shown
  CHECK(view["has_items"] == true);
  CHECK(view["items_hidden"] == 1);
  CHECK(view["has_empty"] == false);
  CHECK_FALSE(view.contains("empty_hidden"));
  CHECK_FALSE(view["map"].contains("has_1011"));  // a map keyed by values gets no flags

  ShowPolicy wider;
  wider.zekerheid = {"hoog", "laag"};
  wider.never = {};
  json all = template_view(data, strings, wider);
  CHECK(all["items"].size() == 3);
  CHECK(all["items"][0]["redactie_noot"] == "intern");
  CHECK_FALSE(all.contains("items_hidden"));
}

}  // namespace
}  // namespace wegwijzer
