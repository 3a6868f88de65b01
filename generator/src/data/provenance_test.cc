#include "data/provenance.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

JsonSource parse(const std::string& text) {
  JsonSource src;
  Diagnostics diags;
  REQUIRE(parse_json_source("d.json", text, &src, &diags));
  return src;
}

}  // namespace

TEST_CASE("provenance: whole months between dates") {
  CHECK(whole_months_between("2026-11-22", "2026-11-23") == 0);
  CHECK(whole_months_between("2025-11-23", "2026-11-23") == 12);
  CHECK(whole_months_between("2025-11-24", "2026-11-23") == 11);
  CHECK(whole_months_between("2024-01-31", "2026-02-28") == 24);
}

TEST_CASE("provenance: only a recorded check or a high certainty may be shown") {
  using nlohmann::json;
  CHECK(may_be_shown(json{{"naam", "structure"}}));
  CHECK(may_be_shown(json{{"zekerheid", "hoog"}}));
  CHECK_FALSE(may_be_shown(json{{"zekerheid", "middel"}}));
  CHECK_FALSE(may_be_shown(json{{"zekerheid", "laag"}, {"gecontroleerd", nullptr}}));
  CHECK_FALSE(
      may_be_shown(json{{"zekerheid", "laag"}, {"gecontroleerd", {{"door", "redacteur"}}}}));
  CHECK(may_be_shown(json{{"zekerheid", "laag"},
                          {"gecontroleerd", {{"datum", "2026-12-01"}, {"door", "redacteur"}}}}));
}

TEST_CASE("provenance: a check needs a date and a role") {
  JsonSource src = parse(R"({"a": [{"id": "x", "zekerheid": "middel", "opgenomen": "2026-11-01",
      "gecontroleerd": {"door": "redacteur"}}]})");
  Diagnostics diags;
  check_provenance(src, "2026-11-23", 12, &diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(
      diags.items()[0].message ==
      "the check of \"x\" has no date: record it as {\"datum\": \"YYYY-MM-DD\", \"door\": \"<your "
      "role>\"}");
  CHECK(diags.items()[0].line == 2);
}

TEST_CASE("provenance: age counts from the check, else from the entry") {
  JsonSource src = parse(R"({"a": [
      {"id": "oud", "zekerheid": "hoog", "opgenomen": "2025-10-01"},
      {"id": "heel-oud", "zekerheid": "hoog", "opgenomen": "2024-10-01"},
      {"id": "nagekeken", "zekerheid": "hoog", "opgenomen": "2020-01-01",
       "gecontroleerd": {"datum": "2026-11-01", "door": "redacteur"}}]})");
  Diagnostics diags;
  check_provenance(src, "2026-11-23", 12, &diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.warning_count() == 1);
  CHECK(diags.error_count() == 1);
  CHECK(
      diags.items()[0].message ==
      "\"oud\" entered the data on 2025-10-01 and was never checked, 13 months ago: check it soon");
  std::vector<FactRow> rows = list_facts(src, "2026-11-23", 12);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].due);
  CHECK_FALSE(rows[2].due);
  CHECK(rows[2].gecontroleerd_op == "2026-11-01");
  CHECK(rows[2].age_months == 0);
}

}  // namespace wegwijzer
