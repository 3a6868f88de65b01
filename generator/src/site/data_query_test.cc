#include "site/data_query.h"

#include <catch2/catch.hpp>

#include "data/json_access.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

TEST_CASE("data query: records of a list, and of every member's list with its parent") {
  json data = json::parse(R"({"kinds": {"a": {"name": "A", "items": [{"id": 1}, 2, {"id": 3}]},
                                       "b": {"name": "B", "items": [{"id": 4}]}},
                              "flat": [{"id": 5}]})");
  std::vector<FoundRecord> flat = records_at(data, "/flat");
  REQUIRE(flat.size() == 1);
  CHECK(flat[0].pointer == "/flat/0");
  CHECK(flat[0].parent == &data);
  std::vector<FoundRecord> nested = records_at(data, "/kinds/*/items");
  REQUIRE(nested.size() == 3);  // the number 2 is not a record
  CHECK(nested[1].pointer == "/kinds/a/items/2");
  CHECK((*nested[2].parent)["name"] == "B");
  CHECK(records_at(data, "/kinds/a").empty());  // an object, not a list
  CHECK(records_at(data, "/nothing/*").empty());
}

TEST_CASE("data query: matching fields, equal or one list holding the other") {
  json mine = {{"code", "M1"}, {"provinces", {"Zeeland", "Limburg"}}, {"province", "Zeeland"}};
  CHECK(record_matches({{"member", "M1"}}, mine, {{"member", "code"}}));
  CHECK_FALSE(record_matches({{"member", "M2"}}, mine, {{"member", "code"}}));
  CHECK(record_matches({{"members", {"M0", "M1"}}}, mine, {{"members", "code"}}));
  CHECK(record_matches({{"province", "Limburg"}}, mine, {{"province", "provinces"}}));
  CHECK_FALSE(record_matches({{"x", nullptr}}, mine, {{"x", "missing"}}));
  CHECK_FALSE(record_matches({{"member", "M1"}}, mine, json::object()));  // matches nothing
}

TEST_CASE("data query: the match index finds what record_matches accepts, in list order") {
  // Every shape of value on both sides: text, number (1 and 1.0 are equal), list, nested list,
  // object, null and missing.
  const std::vector<json> values = {"a",
                                    "b",
                                    1,
                                    1.0,
                                    json::array({"a", "b"}),
                                    json::array({"b"}),
                                    json::array({json::array({"a"})}),
                                    json{{"k", "a"}},
                                    nullptr};
  json list = json::array();
  for (const json& v : values) list.push_back({{"their", v}, {"other", "x"}});
  list.push_back({{"other", "x"}});  // no "their"
  list.push_back(list[0]);           // a repeat, found twice
  const json data = {{"list", list}};
  for (const json& match : {json{{"their", "mine"}}, json{{"their", "mine"}, {"other", "same"}},
                            json::object(), json{{"their", 7}}}) {
    MatchIndex index(records_at(data, "/list"), match);
    std::vector<ConstFoundRecord> all = records_at(data, "/list");
    for (const json& v : values) {
      for (const json& mine : {json{{"mine", v}, {"same", "x"}}, json{{"same", "x"}}}) {
        std::vector<std::string> expected, found;
        for (const ConstFoundRecord& r : all) {
          if (record_matches(*r.record, mine, match)) expected.push_back(r.pointer);
        }
        for (const ConstFoundRecord* r : index.candidates(mine)) {
          if (record_matches(*r->record, mine, match)) found.push_back(r->pointer);
        }
        INFO("match " << match.dump() << ", mine " << mine.dump());
        CHECK(found == expected);
      }
    }
  }
  // The index narrows the list: a text finds the records holding it, not the others.
  MatchIndex index(records_at(data, "/list"), {{"their", "mine"}});
  CHECK(index.candidates({{"mine", "b"}}).size() == 3);  // "b", ["a","b"], ["b"]
}

TEST_CASE("data query: fields filled into a pattern, pointers read safely") {
  json record = {{"naam", "Bergen"}, {"provincie", "Limburg"}, {"n", 3}};
  CHECK(fill_fields("{naam} ({provincie})", record) == "Bergen (Limburg)");
  CHECK(fill_fields("Waar in {title}? {n}{onbekend}", record, {{"title", "B"}}) == "Waar in B? 3");
  CHECK(fill_fields("open {brace", record) == "open {brace");
  json data = json::parse(R"({"bron": {"opgenomen": "2026-11-22"}, "list": [1, 2]})");
  CHECK(*at_pointer(data, "/bron/opgenomen") == "2026-11-22");
  CHECK(*at_pointer(data, "/list/1") == 2);
  CHECK(at_pointer(data, "/list/9") == nullptr);
  CHECK(at_pointer(data, "bron") == nullptr);  // not a pointer
  CHECK(without_lists(json::parse(R"({"a": 1, "b": [1]})")) == json::parse(R"({"a": 1})"));
}

}  // namespace
}  // namespace wegwijzer
