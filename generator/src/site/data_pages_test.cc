#include "site/data_pages.h"

#include <catch2/catch.hpp>

#include "site/build_for_test.h"

namespace wegwijzer {
namespace {

using Files = std::map<std::string, std::string>;

const char* const kSchema = R"({"type": "object"})";

// Places in regions, and a tree of questions: no data set of the real site.
Files site_files() {
  return {
      {"wegwijzer.yaml",
       "references:\n  region: {data: regions, list: /regions, key: id}\n"
       "blocks:\n  place: {data: places, list: /places, key: id, arg: id}\n"},
      {"content/_index.md", "---\ntitle: Home\n---\n{{< place id=\"b\" >}}\n"},
      {"content/places/_index.md",
       "---\ntitle: Places\nlayout: places\ndata_pages:\n  data: places\n  list: /places\n"
       "  url: \"{id}\"\n  title: \"{name}\"\n  title_when_shared: \"{name} ({region})\"\n"
       "  description: \"About {title}\"\n  layout: place\n  order: name\n  az: true\n"
       "  az_ignore: [\"The \"]\n  lastmod: /about/added\n  lookups:\n"
       "    in: {data: regions, list: /regions, match: {id: region}, one: true}\n"
       "    near: {data: places, list: /places, match: {region: region}}\n---\n"},
      {"content/quiz/_index.md",
       "---\ntitle: Quiz\ndata_pages:\n  data: quiz\n  list: /nodes\n  url: \"{id}\"\n"
       "  title: Quiz\n  layout: \"{kind}\"\n  order: position\n  sitemap: false\n"
       "  section_record: {field: id, equals: /start}\n---\n"},
      {"content/about.md", "---\ntitle: About\nregion: north\n---\nText.\n"},
      {"content/data/schemas/any.json", kSchema},
      {"content/data/places.json",
       R"({"$schema": "./schemas/any.json", "about": {"added": "2026-11-01"}, "places": [
          {"id": "a", "name": "Bergen", "region": "north"},
          {"id": "b", "name": "The Anchor", "region": "south"},
          {"id": "c", "name": "Bergen", "region": "south"},
          {"id": "d", "name": "Hidden", "region": "north", "zekerheid": "laag"}]})"},
      {"content/data/regions.json",
       R"({"$schema": "./schemas/any.json", "regions": [
          {"id": "north", "name": "North"}, {"id": "south", "name": "South"}]})"},
      {"content/data/quiz.json",
       R"({"$schema": "./schemas/any.json", "start": "q1", "nodes": [
          {"id": "q1", "kind": "question"}, {"id": "q2", "kind": "answer"}]})"},
      {"templates/places.html",
       "{{#az}}[{{letter}}:{{#pages}}{{title}}={{url}};{{/pages}}]{{/az}} count={{count}} "
       "hidden={{site.data.places.places_hidden}}"},
      {"templates/place.html",
       "{{page.title}}|{{page.description}}|{{record.url}}|{{#in}}{{name}}{{/in}}|"
       "{{#near}}{{id}}{{/near}}|{{page.lastmod}}"},
      {"templates/question.html", "Q {{record.id}} {{page.title}}"},
      {"templates/answer.html", "A {{record.id}}"},
      {"templates/page.html",
       "{{page.title}}: {{#region_record}}{{name}}{{/region_record}} of "
       "{{region_list_count}}"},
      {"templates/blocks/place.html", "<b>{{block.name}} {{block.url}}</b>"},
  };
}

Files build(const Files& files, std::string* diagnostics) {
  BuiltForTest built = build_for_test(files);
  *diagnostics = format_diagnostics(built.result.diagnostics);
  return built.result.ok() ? built.files : Files();
}

TEST_CASE("data pages: a page per record, an A-Z list, lookups and the section's own record") {
  std::string diags;
  Files out = build(site_files(), &diags);
  INFO(diags);
  REQUIRE_FALSE(out.empty());
  CHECK(out.at("places/index.html") ==
        "[A:The Anchor=/places/b/;][B:Bergen (north)=/places/a/;Bergen (south)=/places/c/;] "
        "count=3 hidden=1");
  CHECK(out.at("places/a/index.html") ==
        "Bergen (north)|About Bergen (north)|/places/a/|North|a|2026-11-01");
  CHECK(out.at("places/c/index.html").find("|South|bc|") != std::string::npos);
  CHECK(out.count("places/d/index.html") == 0);  // may not be shown: no page
  CHECK(out.at("quiz/index.html") == "Q q1 Quiz");
  CHECK(out.at("quiz/q2/index.html") == "A q2");
  CHECK(out.count("quiz/q1/index.html") == 0);
  CHECK(out.at("about/index.html") == "About: North of 2");
  CHECK(out.at("index.html").find("<b>The Anchor /places/b/</b>") != std::string::npos);
}

TEST_CASE("data pages: mistakes in a declaration are errors at its line") {
  auto diagnostics_of = [](const std::string& path, const std::string& text) {
    Files files = site_files();
    files[path] = text;
    std::string diags;
    build(files, &diags);
    return diags;
  };
  CHECK(diagnostics_of("content/x/_index.md",
                       "---\ntitle: X\ndata_pages:\n  data: nope\n  list: /l\n  url: \"{id}\"\n"
                       "  title: t\n  layout: place\n---\n")
            .find("content/x/_index.md:3:1: error: data_pages: no data set \"nope\"") !=
        std::string::npos);
  CHECK(diagnostics_of("content/x/_index.md",
                       "---\ntitle: X\ndata_pages:\n  data: places\n  colour: red\n---\n")
            .find("content/x/_index.md:3:1: error: data_pages: unknown key \"colour\"") !=
        std::string::npos);
  CHECK(diagnostics_of("content/x.md", "---\ntitle: X\ndata_pages: {data: places}\n---\n")
            .find("content/x.md:3:1: error: data_pages belongs in a section's _index.md") !=
        std::string::npos);
  CHECK(diagnostics_of("content/places/a.md", "---\ntitle: A\n---\n")
            .find("error: data_pages: the page /places/a/ is also claimed by "
                  "content/places/a.md") != std::string::npos);
  CHECK(diagnostics_of("content/about.md", "---\ntitle: About\nregion: east\n---\n")
            .find("content/about.md:3:1: error: unknown region \"east\" (no record with id "
                  "\"east\" in regions)") != std::string::npos);
  CHECK(diagnostics_of("content/_index.md", "---\ntitle: Home\n---\n{{< place id=\"z\" >}}\n")
            .find("content/_index.md:4:1: error: unknown place \"z\"") != std::string::npos);
}

TEST_CASE("data pages: messages name a page made from data by its URL and declaration") {
  Files files = site_files();
  files.erase("templates/place.html");
  std::string diags;
  build(files, &diags);
  // One error for the declaration, at its own layout key (line 11, not the section's line 3).
  CHECK(diags.find("content/places/_index.md:11:3: error: data_pages: templates/place.html is "
                   "missing, the layout of the page /places/a/ (made by data_pages in "
                   "content/places/_index.md) and 2 more pages\n") != std::string::npos);
  CHECK(diags.find("place.html is missing", diags.find("place.html is missing") + 1) ==
        std::string::npos);

  files = site_files();
  files["content/about.md"] = "---\ntitle: About\n---\nSee [a](/places/a/#nowhere).\n";
  build(files, &diags);
  CHECK(diags.find("content/about.md:4:5: error: broken link: the page /places/a/ (made by "
                   "data_pages in content/places/_index.md) has no heading or anchor "
                   "\"#nowhere\"") != std::string::npos);
}

}  // namespace
}  // namespace wegwijzer
