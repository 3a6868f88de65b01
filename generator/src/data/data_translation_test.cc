#include "data/data_translation.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

using nlohmann::json;

DataTranslation translation_of(const std::string& text) {
  DataTranslation t{"steps", 1, {}};
  Diagnostics diags;
  REQUIRE(parse_json_source("d/steps.en.json", text, &t.source, &diags));
  return t;
}

TEST_CASE("data translation: text laid over the original by member, id and position") {
  json original = json::parse(R"({"intro": "Welkom", "count": 3,
    "steps": [{"id": "a", "title": "Eerste", "links": [{"title": "Hier", "url": "/x/"}]},
              {"id": "b", "title": "Tweede", "tips": ["een", "twee"]}]})");
  DataTranslation t = translation_of(R"({"translation_of": {"hash": "abc", "date": "2026-12-01"},
    "intro": "Welcome",
    "steps": [{"id": "b", "title": "Second", "tips": ["one", "two", "three"]},
              {"id": "a", "links": [{"title": "Here"}]}]})");
  Diagnostics diags;
  json merged = apply_translation(original, t, &diags);
  CHECK(diags.empty());
  CHECK(merged["intro"] == "Welcome");
  CHECK(merged["count"] == 3);
  CHECK(merged["steps"][0]["title"] == "Eerste");  // not translated: stays
  CHECK(merged["steps"][0]["links"][0] == json({{"title", "Here"}, {"url", "/x/"}}));
  CHECK(merged["steps"][1]["title"] == "Second");
  CHECK(merged["steps"][1]["tips"] == json({"one", "two", "three"}));  // text lists: replaced
  CHECK_FALSE(merged.contains("translation_of"));
}

TEST_CASE("data translation: only text, keeping its numbers, of what the original has") {
  json original = json::parse(R"({"wait": "4 weken", "count": 3, "steps": [{"id": "a"}]})");
  DataTranslation t = translation_of(R"({"wait": "5 weeks", "count": "three", "extra": "x",
    "steps": [{"id": "z", "title": "?"}]})");
  Diagnostics diags;
  json merged = apply_translation(original, t, &diags);
  CHECK(merged == original);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diags.items()) {
    messages.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message);
  }
  // In the order of the members' names, as the JSON object holds them.
  CHECK(messages == std::vector<std::string>{
                        "1:30 only text can be translated: the original has a number here, the "
                        "translation has text",
                        "1:48 \"extra\" is not in the original steps.json",
                        "2:15 no element with id \"z\" in the original steps.json",
                        "1:10 a translation keeps every number of its original: the original "
                        "has 4, this has 5"});
}

TEST_CASE("data translation: files named <name>.<language>.json of the site's languages") {
  CHECK(is_data_translation("d/steps.en.json", {"en", "de"}));
  CHECK(is_data_translation("d/steps.de.json", {"en", "de"}));
  CHECK_FALSE(is_data_translation("d/steps.fr.json", {"en", "de"}));
  CHECK_FALSE(is_data_translation("d/steps.json", {"en"}));
  MemoryFileSystem fs({{"d/steps.json", "{}"},
                       {"d/steps.en.json", R"({"a": "b"})"},
                       {"d/other.fr.json", "{}"},
                       {"d/broken.en.json", "[1]"}});
  Diagnostics diags;
  std::vector<DataTranslation> found = load_data_translations(fs, "d", {"en"}, &diags);
  REQUIRE(found.size() == 1);
  CHECK(found[0].name == "steps");
  CHECK(found[0].language == 1);
  REQUIRE(diags.items().size() == 1);  // broken.en.json is a list, not an object
  CHECK(diags.items()[0].path == "d/broken.en.json");
}

}  // namespace
}  // namespace wegwijzer
