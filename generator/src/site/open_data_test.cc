#include "site/open_data.h"

#include <catch2/catch.hpp>

#include "content/yaml_json.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

// A site with a home page and three data sets that name nothing of the real site: a list of
// places (two with a page of their own, so with `url` and `title`), a map of codes to places, and
// a set without an `about` object.
Site make_site() {
  Site site;
  site.strings.values = json::parse(R"({"date": "{day} {month} {year}", "months": ["januari",
      "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
      "november", "december"]})");
  Page home;
  home.kind = PageKind::kHome;
  home.url = "/";
  site.pages.push_back(home);
  site.home = 0;
  site.page_by_url["/"] = 0;
  site.data = json::parse(R"js({
    "places": {
      "about": {"source": "CBS", "licence": "CC BY 4.0", "credit": "Source: CBS",
                "added": "2026-12-04"},
      "places": [
        {"code": "A1", "name": "Bergen", "region": "Limburg", "aliases": ["Bergen L"],
         "url": "/places/bergen-l/", "title": "Bergen (Limburg)"},
        {"code": "A2", "name": "The Hague, \"city\"", "region": "Zuid-Holland",
         "aliases": ["Den Haag", "The Hague, \"city\""], "url": "/places/the-hague/",
         "title": "The Hague, \"city\""},
        {"code": "A3", "name": "Nowhere", "aliases": []}
      ]
    },
    "codes": {
      "about": {"source": "Post", "licence": null, "credit": null, "added": "2026-11-01"},
      "codes": {"1011": ["A1"], "1012": ["A2", "A9"], "2": ["A1"], "ab": "A1", "_9": ["A2"]}
    },
    "misc": {"things": []}
  })js");
  site.generated["data/places.json"] = "{}\n";
  return site;
}

SiteConfig::Declaration declaration(const std::string& yaml) {
  return {yaml_to_json(YAML::Load(yaml)), 3, 3};
}

const char* const kDeclaration = R"(
page: {url: /open/, title: Open data, description: All data., layout: data, weight: 90}
about: /about
fields: {source: source, licence: licence, attribution: credit, date: added}
csv:
  - {file: data/places.csv, data: places, list: /places, columns: [code, name, region]}
  - {file: data/codes.csv, data: codes, map: /codes, columns: [code, place_code, place],
     to: {data: places, list: /places, key: code, field: name}}
indexes:
  - {file: data/place-names.json, data: places, list: /places, terms: [title, name, aliases]}
  - {file: "data/code/{shard}.json", data: codes, map: /codes, shard: 1,
     to: {data: places, list: /places, key: code, fields: [name, url]}}
)";

}  // namespace

TEST_CASE("open data: the page lists every data set with its files, source and date") {
  Site site = make_site();
  Diagnostics diags;
  add_open_data(&site, declaration(kDeclaration), &diags);
  REQUIRE(format_diagnostics(diags) == "");
  REQUIRE(site.page_by_url.count("/open/") == 1);
  int index = site.page_by_url.at("/open/");
  const Page& page = site.pages[index];
  CHECK(page.derived);
  CHECK(page.kind == PageKind::kSection);
  CHECK(page.output_path == "open/index.html");
  CHECK(page.layout == "data");
  CHECK(page.parent == 0);
  CHECK(site.pages[0].sections == std::vector<int>{index});
  CHECK(page.front_matter.title == "Open data");
  CHECK(page.front_matter.description == "All data.");
  CHECK(page.front_matter.weight == 90);
  CHECK(page.front_matter.lastmod == "2026-12-04");  // the newest of the sets' dates
  CHECK(page.front_matter.params == json{{"menu", false}});
  CHECK(page.derived_context == json::parse(R"({"datasets": [
    {"name": "codes", "json": "/data/codes.json", "csv": "/data/codes.csv", "source": "Post",
     "licence": "", "attribution": "", "date_iso": "2026-11-01", "date": "1 november 2026"},
    {"name": "misc", "json": "/data/misc.json", "source": "", "licence": "", "attribution": "",
     "date_iso": "", "date": ""},
    {"name": "places", "json": "/data/places.json", "csv": "/data/places.csv", "source": "CBS",
     "licence": "CC BY 4.0", "attribution": "Source: CBS", "date_iso": "2026-12-04",
     "date": "4 december 2026"}]})"));
}

TEST_CASE("open data: a CSV of a list has a row per record, quoted where needed") {
  Site site = make_site();
  Diagnostics diags;
  add_open_data(&site, declaration(kDeclaration), &diags);
  CHECK(site.generated.at("data/places.csv") ==
        "code,name,region\n"
        "A1,Bergen,Limburg\n"
        "A2,\"The Hague, \"\"city\"\"\",Zuid-Holland\n"
        "A3,Nowhere,\n");
}

TEST_CASE("open data: a CSV of a map has a row per key and value that the lookup finds") {
  Site site = make_site();
  Diagnostics diags;
  add_open_data(&site, declaration(kDeclaration), &diags);
  // A9 names no place: no row. A single value counts as a list of one.
  CHECK(site.generated.at("data/codes.csv") ==
        "code,place_code,place\n"
        "1011,A1,Bergen\n"
        "1012,A2,\"The Hague, \"\"city\"\"\"\n"
        "2,A1,Bergen\n"
        "_9,A2,\"The Hague, \"\"city\"\"\"\n"
        "ab,A1,Bergen\n");
}

TEST_CASE("open data: the name index leads each record with a page from its terms to it") {
  Site site = make_site();
  Diagnostics diags;
  add_open_data(&site, declaration(kDeclaration), &diags);
  // The title first, then the other terms once each; Nowhere has no page and is left out.
  CHECK(site.generated.at("data/place-names.json") ==
        R"js([[["Bergen (Limburg)","Bergen","Bergen L"],"/places/bergen-l/"],)js"
        R"([["The Hague, \"city\"","Den Haag"],"/places/the-hague/"]])"
        "\n");
}

TEST_CASE("open data: the key index is split by the first characters of the key") {
  Site site = make_site();
  Diagnostics diags;
  add_open_data(&site, declaration(kDeclaration), &diags);
  CHECK(site.generated.at("data/code/1.json") ==
        R"({"1011":[["Bergen","/places/bergen-l/"]],)"
        R"("1012":[["The Hague, \"city\"","/places/the-hague/"]]})"
        "\n");
  CHECK(site.generated.at("data/code/2.json") == "{\"2\":[[\"Bergen\",\"/places/bergen-l/\"]]}\n");
  CHECK(site.generated.at("data/code/a.json") == "{\"ab\":[[\"Bergen\",\"/places/bergen-l/\"]]}\n");
  // "_9" would name a file after a character that is no letter or digit.
  CHECK(site.generated.count("data/code/_.json") == 0);
  CHECK(site.generated.size() == 1 + 6);  // places.json, two CSVs, the names, three shards
}

TEST_CASE("open data: nothing declared, nothing made") {
  Site site = make_site();
  Diagnostics diags;
  add_open_data(&site, SiteConfig::Declaration{}, &diags);
  CHECK(diags.empty());
  CHECK(site.pages.size() == 1);
  CHECK(site.generated.size() == 1);
}

TEST_CASE("open data: mistakes in the declaration are reported at it, the rest is made") {
  Site site = make_site();
  Diagnostics diags;
  add_open_data(&site, declaration(R"(
page: {url: /open/, title: Open data, colour: red}
cvs: []
csv:
  - {file: data/a.csv, data: nothing, list: /x, columns: [a]}
  - {file: data/b.csv, data: places, list: /places, columns: code}
  - {file: ../b.csv, data: places, list: /places, columns: [code]}
  - {file: data/c.csv, data: codes, map: /codes, columns: [a, b],
     to: {data: places, list: /places, key: code, field: name}}
  - {file: data/d.csv, data: places, list: /about, columns: [a]}
  - {file: data/places.json, data: places, list: /places, columns: [a]}
  - {file: data/e.csv, data: places, list: /places, columns: [code], to: {}}
  - {file: data/ok.csv, data: places, list: /places, columns: [code]}
indexes:
  - {file: data/n.json, data: places, list: /places}
  - {file: data/s.json, data: codes, map: /codes, shard: 1}
  - {file: "data/{shard}.json", data: codes, map: /codes, shard: 0}
  - {file: "data/{shard}.json", data: codes, map: /codes, shard: 1, to: {data: places}}
)"),
                &diags);
  CHECK(format_diagnostics(diags) ==
        "wegwijzer.yaml:3:3: error: open_data: unknown key \"cvs\" (known: page, about, fields, "
        "csv, indexes)\n"
        "wegwijzer.yaml:3:3: error: open_data.csv[0]: no data set \"nothing\" "
        "(content/data/nothing.json is missing or was not used)\n"
        "wegwijzer.yaml:3:3: error: open_data.csv[1]: \"columns\" must be a list of texts\n"
        "wegwijzer.yaml:3:3: error: open_data.csv[2]: \"../b.csv\" is not a plain relative file "
        "path (letters, digits, . _ - and /)\n"
        "wegwijzer.yaml:3:3: error: open_data.csv[3]: \"columns\" must name 3: the key, the "
        "value, the field\n"
        "wegwijzer.yaml:3:3: error: open_data.csv[4]: \"/about\" is not a list in the data set "
        "\"places\"\n"
        "wegwijzer.yaml:3:3: error: open_data.csv[5]: the file \"data/places.json\" is written "
        "twice\n"
        "wegwijzer.yaml:3:3: error: open_data.csv[6]: unknown key \"to\" (known: file, data, "
        "list, columns)\n"
        "wegwijzer.yaml:3:3: error: open_data.indexes[0]: needs either \"terms\" (a name index) "
        "or \"shard\" (a key index)\n"
        "wegwijzer.yaml:3:3: error: open_data.indexes[1]: \"file\" must contain {shard}, where "
        "the shard's name goes\n"
        "wegwijzer.yaml:3:3: error: open_data.indexes[2]: \"shard\" must be a whole number, 1 or "
        "more\n"
        "wegwijzer.yaml:3:3: error: open_data.indexes[3].to: \"list\" is missing\n"
        "wegwijzer.yaml:3:3: error: open_data.page: unknown key \"colour\" (known: url, title, "
        "description, layout, weight)\n");
  CHECK(site.generated.at("data/ok.csv") == "code\nA1\nA2\nA3\n");
  CHECK(site.generated.size() == 2);
  CHECK(site.pages.size() == 1);
}

TEST_CASE("open data: wrong types and a taken URL are errors, never exceptions") {
  Site site = make_site();
  site.pages.push_back(Page{});
  site.pages.back().source_path = "content/open.md";
  site.page_by_url["/open/"] = 1;
  Diagnostics diags;
  add_open_data(&site, declaration(R"(
page: {url: /open/, title: Open data}
about: [1]
csv: {file: data/x.csv}
indexes: [7, {file: data/n.json, data: places, list: /places/0/code/x, terms: [name]}]
)"),
                &diags);
  CHECK(format_diagnostics(diags) ==
        "wegwijzer.yaml:3:3: error: open_data: \"about\" must be a text\n"
        "wegwijzer.yaml:3:3: error: open_data: \"csv\" must be a list\n"
        "wegwijzer.yaml:3:3: error: open_data.indexes[0]: must be a mapping\n"
        "wegwijzer.yaml:3:3: error: open_data.indexes[1]: \"/places/0/code/x\" is not a list in "
        "the data set \"places\"\n"
        "wegwijzer.yaml:3:3: error: open_data.page: the page /open/ is also claimed by "
        "content/open.md\n");
  CHECK(site.pages.size() == 2);
  diags = Diagnostics();
  add_open_data(&site, declaration("page: {url: 'a b', title: [x], weight: x}\n"), &diags);
  CHECK(format_diagnostics(diags) ==
        "wegwijzer.yaml:3:3: error: open_data.page: \"title\" must be a text\n");
  diags = Diagnostics();
  add_open_data(&site, declaration("page: {url: /a/../../b, title: T}\n"), &diags);
  CHECK(format_diagnostics(diags) ==
        "wegwijzer.yaml:3:3: error: open_data.page: \"url\" /a/../../b: would leave the output "
        "folder ('..' segment)\n");
}

}  // namespace wegwijzer
