#include "data/schema_keywords.h"

#include <catch2/catch.hpp>

#include "util/file_system.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

// Data files d/<name>.json with their schemas d/schemas/<name>.schema.json, loaded as a build
// loads them: a file that fails its schema is not among them.
DataFiles load(const std::map<std::string, std::string>& files, Diagnostics* diags) {
  std::map<std::string, std::string> all;
  for (const auto& [name, text] : files) {
    all[(name.ends_with(".schema") ? "d/schemas/" : "d/") + name + ".json"] = text;
  }
  MemoryFileSystem fs(all);
  return load_data_files(fs, "d", diags);
}

// Each diagnostic's first line: "path:line:col: error: message".
std::vector<std::string> lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) {
    std::string text = format_diagnostic(d);
    out.push_back(text.substr(0, text.find('\n')));
  }
  return out;
}

std::vector<std::string> check(const std::map<std::string, std::string>& files,
                               std::vector<PageReference>* pages = nullptr) {
  Diagnostics diags;
  DataFiles data = load(files, &diags);
  INFO(format_diagnostics(diags));
  REQUIRE(diags.empty());  // valid files, and the schema keywords do not trouble valijson
  std::vector<PageReference> ignored;
  check_schema_keywords(data, pages ? pages : &ignored, &diags);
  return lines(diags);
}

const char* kCodesSchema = R"({
  "type": "object",
  "properties": {
    "$schema": {"type": "string"},
    "items": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {"code": {"type": ["string", "number"], "x-unique": true}}
      }
    }
  }
})";

const std::string kCodes = R"({
  "$schema": "./schemas/g.schema.json",
  "items": [{"code": "A"}, {"code": "B"}]
})";

TEST_CASE("x-unique: true finds a value met twice in the file") {
  CHECK(check({{"g.schema", kCodesSchema}, {"g", kCodes}}).empty());
  CHECK(check({{"g.schema", kCodesSchema}, {"g", R"({
  "$schema": "./schemas/g.schema.json",
  "items": [
    {"code": "A"},
    {"code": "B"},
    {"code": "A"},
    {"code": 7},
    {"code": 7},
    {"code": "7"}
  ]
})"}}) == std::vector<std::string>{R"(d/g.json:6:14: error: "A" appears twice (first at line 4))",
                                   R"(d/g.json:8:14: error: 7 appears twice (first at line 7))"});
}

const char* kGroupsSchema = R"({
  "type": "object",
  "properties": {"$schema": {"type": "string"}},
  "additionalProperties": {"type": "array", "items": {"type": "string", "x-unique": "/*"}}
})";

TEST_CASE("x-unique with a pattern is unique within each group") {
  CHECK(check({{"r.schema", kGroupsSchema}, {"r", R"({
  "$schema": "./schemas/r.schema.json",
  "a": ["X", "Y"],
  "b": ["X"]
})"}}).empty());
  CHECK(check({{"r.schema", kGroupsSchema}, {"r", R"({
  "$schema": "./schemas/r.schema.json",
  "a": ["X", "Y", "X"],
  "b": ["X"]
})"}}) == std::vector<std::string>{
              R"(d/r.json:3:19: error: "X" appears twice in /a (first at line 3))"});
}

const char* kZipsSchema = R"({
  "type": "object",
  "properties": {
    "$schema": {"type": "string"},
    "zips": {
      "type": "object",
      "patternProperties": {
        "^[0-9]{4}$": {"type": "array", "items": {"type": "string", "x-ref": "g#/items/*/code"}}
      }
    }
  }
})";

TEST_CASE("x-ref: a value must be one of another data set's") {
  const std::string zips = R"({
  "$schema": "./schemas/p.schema.json",
  "zips": {
    "1011": ["A"],
    "1012": ["B", "Z"]
  }
})";
  CHECK(
      check({{"g.schema", kCodesSchema}, {"g", kCodes}, {"p.schema", kZipsSchema}, {"p", zips}}) ==
      std::vector<std::string>{
          R"(d/p.json:5:19: error: unknown "Z": not a /items/*/code in g.json)"});
  // Without the other data set there is nothing to check against; its absence is told elsewhere.
  CHECK(check({{"p.schema", kZipsSchema}, {"p", zips}}).empty());
  CHECK(check({{"g.schema", kCodesSchema},
               {"g", kCodes},
               {"p.schema", kZipsSchema},
               {"p", R"({"$schema": "./schemas/p.schema.json", "zips": {"1011": ["A", "B"]}})"}})
            .empty());
}

const char* kEverySchema = R"({
  "type": "object",
  "properties": {"$schema": {"type": "string"}},
  "additionalProperties": {
    "type": "array",
    "items": {"type": "string", "x-ref": {"to": "g#/items/*/code", "every": "/*"}}
  }
})";

TEST_CASE("x-ref with every: each group holds every value of the other data set") {
  CHECK(check({{"g.schema", kCodesSchema}, {"g", kCodes}, {"r.schema", kEverySchema}, {"r", R"({
  "$schema": "./schemas/r.schema.json",
  "a": ["A", "B"],
  "b": ["A"]
})"}}) == std::vector<std::string>{R"(d/r.json:4:8: error: "B" (g.json) occurs nowhere in /b)"});
  // A group without any value is not a group: nothing is asked of "b".
  CHECK(check({{"g.schema", kCodesSchema},
               {"g", kCodes},
               {"r.schema", kEverySchema},
               {"r", R"({"$schema": "./schemas/r.schema.json", "a": ["B", "A"], "b": []})"}})
            .empty());
}

TEST_CASE("x-ref: page collects page URLs, checked once the pages are known") {
  std::vector<PageReference> pages;
  CHECK(check({{"s.schema", R"({
  "type": "object",
  "properties": {
    "$schema": {"type": "string"},
    "links": {"type": "array", "items": {"$ref": "#/$defs/link"}}
  },
  "$defs": {"link": {"type": "object", "properties": {"pagina": {"x-ref": "page"}}}}
})"},
               {"s", R"({
  "$schema": "./schemas/s.schema.json",
  "links": [{"pagina": "/a/"}, {"pagina": "/b/"}]
})"}},
              &pages)
            .empty());
  REQUIRE(pages.size() == 2);
  CHECK(pages[1].path == "d/s.json");
  CHECK(pages[1].pointer == "/links/1/pagina");
  CHECK(pages[1].url == "/b/");
  Diagnostics diags;
  DataFiles data = load({{"s.schema", "{}"}, {"s", R"({
  "$schema": "./schemas/s.schema.json",
  "links": [{"pagina": "/a/"}, {"pagina": "/b/"}]
})"}},
                        &diags);
  check_page_references(
      data, pages, [](const std::string& url) { return url == "/a/"; }, &diags);
  CHECK(lines(diags) ==
        std::vector<std::string>{"d/s.json:3:43: error: broken link: no page at /b/"});
}

// Channels as a site declares them: the format of "waarde" depends on "soort" (if/then), a flag
// and a link for templates.
const char* kChannelsSchema = R"({
  "type": "object",
  "properties": {
    "$schema": {"type": "string"},
    "kanalen": {"type": "array", "items": {"$ref": "#/definitions/kanaal"}}
  },
  "definitions": {
    "kanaal": {
      "oneOf": [
        {
          "type": "object",
          "properties": {"soort": {"enum": ["telefoon", "whatsapp"], "x-flag": true}}
        },
        {"type": "object", "properties": {"soort": {"enum": ["email"], "x-flag": true}}}
      ],
      "allOf": [
        {
          "if": {"properties": {"soort": {"enum": ["telefoon", "whatsapp"]}}},
          "then": {"properties": {"waarde": {"type": "string", "format": "nl-phone"}}}
        },
        {
          "if": {"properties": {"soort": {"const": "email"}}},
          "then": {"properties": {"waarde": {"type": "string", "format": "email"}}}
        }
      ],
      "x-href": {
        "by": "soort",
        "cases": {"telefoon": "tel:{waarde|tel}", "whatsapp": "https://wa.me/{waarde|tel-digits}"},
        "default": "mailto:{waarde}"
      }
    }
  }
})";

const std::string kGoodChannels = R"({
  "$schema": "./schemas/c.schema.json",
  "kanalen": [
    {"soort": "telefoon", "waarde": "0800-0113"},
    {"soort": "whatsapp", "waarde": "06 12 34 56 78"},
    {"soort": "email", "waarde": "hulp@voorbeeld.nl"}
  ]
})";

TEST_CASE("format nl-phone and email, chosen by if/then") {
  CHECK(check({{"c.schema", kChannelsSchema}, {"c", kGoodChannels}}).empty());
  CHECK(check({{"c.schema", kChannelsSchema}, {"c", R"({
  "$schema": "./schemas/c.schema.json",
  "kanalen": [
    {"soort": "telefoon", "waarde": "0800-01130"},
    {"soort": "email", "waarde": "0800-0113"},
    {"soort": "whatsapp", "waarde": "hulp@voorbeeld.nl"},
    {"soort": "email", "waarde": "hulp voorbeeld.nl"}
  ]
})"}}) ==
        std::vector<std::string>{
            R"(d/c.json:4:37: error: "0800-01130" is not a well-formed Dutch phone number)",
            R"(d/c.json:5:34: error: "0800-0113" is not an e-mail address)",
            R"(d/c.json:6:37: error: "hulp@voorbeeld.nl" is not a well-formed Dutch phone number)",
            R"(d/c.json:7:34: error: "hulp voorbeeld.nl" is not an e-mail address)"});
}

TEST_CASE("a value of the wrong type under our formats is valijson's error, at its place") {
  Diagnostics diags;
  load({{"c.schema", kChannelsSchema}, {"c", R"({
  "$schema": "./schemas/c.schema.json",
  "kanalen": [
    {"soort": "telefoon", "waarde": ["0800", "0113"]}
  ]
})"}},
       &diags);
  INFO(format_diagnostics(diags));
  REQUIRE(diags.error_count() >= 1);
  for (const Diagnostic& d : diags.items()) {
    CHECK(d.message.find("could not be checked") == std::string::npos);
    CHECK(d.line == 4);
  }
}

TEST_CASE("annotate adds the declared is_<value> flags and href links to a copy") {
  Diagnostics diags;
  DataFiles data = load({{"c.schema", kChannelsSchema}, {"c", kGoodChannels}}, &diags);
  REQUIRE(diags.empty());
  const JsonSource& file = data.at("c");
  json out = annotate(file, file.value);
  CHECK(out["kanalen"][0] == json::parse(R"({"soort": "telefoon", "waarde": "0800-0113",
      "is_telefoon": true, "href": "tel:+318000113"})"));
  CHECK(out["kanalen"][1] == json::parse(R"({"soort": "whatsapp", "waarde": "06 12 34 56 78",
      "is_whatsapp": true, "href": "https://wa.me/31612345678"})"));
  CHECK(out["kanalen"][2] == json::parse(R"({"soort": "email", "waarde": "hulp@voorbeeld.nl",
      "is_email": true, "href": "mailto:hulp@voorbeeld.nl"})"));
  CHECK_FALSE(file.value["kanalen"][0].contains("href"));
  // A copy that lacks parts of the file (as the published data may) is annotated as far as it goes.
  json part = file.value;
  part["kanalen"].erase(0);
  CHECK(annotate(file, part)["kanalen"][0]["href"] == "https://wa.me/31612345678");
}

TEST_CASE("x-href as one template for every object") {
  Diagnostics diags;
  DataFiles data = load({{"p.schema", R"({
  "type": "object",
  "properties": {
    "$schema": {"type": "string"},
    "posten": {
      "type": "array",
      "items": {"type": "object", "x-href": "tel:{telefoon|tel}"}
    }
  }
})"},
                         {"p", R"({
  "$schema": "./schemas/p.schema.json",
  "posten": [{"telefoon": "088 0767 000"}, {"telefoon": "113"}]
})"}},
                        &diags);
  REQUIRE(diags.empty());
  json out = annotate(data.at("p"), data.at("p").value);
  CHECK(out["posten"][0]["href"] == "tel:+31880767000");
  CHECK(out["posten"][1]["href"] == "tel:113");
  std::vector<PageReference> pages;
  check_schema_keywords(data, &pages, &diags);
  CHECK(diags.empty());
  CHECK(
      check({{"p.schema", R"({"type": "object", "x-href": "tel:{telefoon|phone}"})"},
             {"p", R"({"$schema": "./schemas/p.schema.json"})"}}) ==
      std::vector<std::string>{
          R"(d/schemas/p.schema.json:1:30: error: "x-href": unknown filter "|phone" in "tel:{telefoon|phone}" (known: |tel, |tel-digits))"});
}

const char* kTreeSchema = R"({
  "type": "object",
  "properties": {"$schema": {"type": "string"}},
  "x-graph": {
    "nodes": "/knopen",
    "id": "id",
    "start": "/start",
    "edges": "antwoorden/*/naar",
    "needs_edges": {"soort": "vraag"}
  }
})";

TEST_CASE("x-graph: unique ids, a start, no dead ends, no cycles, every node reachable") {
  CHECK(check({{"v.schema", kTreeSchema}, {"v", R"({
  "$schema": "./schemas/v.schema.json",
  "start": "v1",
  "knopen": [
    {"id": "v1", "soort": "vraag", "antwoorden": [{"naar": "v2"}, {"naar": "v3"}]},
    {"id": "v2", "soort": "advies"},
    {"id": "v3", "soort": "vraag", "antwoorden": [{"naar": "v2"}]}
  ]
})"}}).empty());
  CHECK(check({{"v.schema", kTreeSchema}, {"v", R"({
  "$schema": "./schemas/v.schema.json",
  "start": "v1",
  "knopen": [
    {"id": "v1", "soort": "vraag", "antwoorden": [{"naar": "v2"}, {"naar": "v9"}]},
    {"id": "v2", "soort": "vraag", "antwoorden": [{"naar": "v1"}, {"naar": "v5"}]},
    {"id": "v3", "soort": "advies"},
    {"id": "v4", "soort": "vraag", "antwoorden": []},
    {"id": "v5", "soort": "advies"},
    {"id": "v5", "soort": "advies"}
  ]
})"}}) == std::vector<std::string>{
              R"(d/v.json:10:12: error: node "v5" appears twice)",
              R"(d/v.json:5:76: error: dead end: leads to unknown node "v9")",
              R"(d/v.json:8:5: error: dead end: node "v4" has no way on)",
              R"(d/v.json:6:60: error: cycle: "v2" leads back to "v1")",
              R"(d/v.json:7:5: error: node "v3" cannot be reached from the start)",
              R"(d/v.json:8:5: error: node "v4" cannot be reached from the start)",
              R"(d/v.json:10:5: error: node "v5" cannot be reached from the start)"});
  CHECK(check({{"v.schema", kTreeSchema}, {"v", R"({
  "$schema": "./schemas/v.schema.json",
  "start": "v7",
  "knopen": [{"id": "v1", "soort": "advies"}]
})"}}) == std::vector<std::string>{R"(d/v.json:3:12: error: start node "v7" does not exist)"});
}

TEST_CASE("a malformed keyword is an error in the schema") {
  CHECK(
      check({{"g.schema", R"({
  "type": "object",
  "properties": {
    "code": {"x-ref": "g/items/*/code"},
    "naam": {"x-unique": "ja"}
  }
})"},
             {"g", R"({"$schema": "./schemas/g.schema.json", "code": "A", "naam": "B"})"}}) ==
      std::vector<std::string>{
          R"(d/schemas/g.schema.json:4:23: error: "x-ref" must be "page", "<data set>#<pointer pattern>" or {"to": "<data set>#<pointer pattern>", "every": "<pointer pattern>"})",
          R"(d/schemas/g.schema.json:5:26: error: "x-unique" must be true or a pointer pattern such as "/*")"});
}

}  // namespace
}  // namespace wegwijzer
