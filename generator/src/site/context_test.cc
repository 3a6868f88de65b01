#include "site/context.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "site/build_for_test.h"

namespace wegwijzer {
namespace {

using Files = std::map<std::string, std::string>;

size_t occurrences(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// A section and two pages that differ in every way a frame can: a param each, a table of
// contents of three and of two entries, and lists of pages only on the section.
Files frame_site() {
  const std::string layout =
      "P={{{page}}}|L={{#pages}}{{title}};{{/pages}}|S={{#subsections}}{{title}};{{/subsections}}"
      "\n";
  return {
      {"wegwijzer.yaml", "title: T\n"},
      {"content/_index.md", "---\ntitle: Home\n---\nTekst.\n"},
      {"content/a/_index.md", "---\ntitle: A\n---\nTekst.\n"},
      {"content/a/een.md",
       "---\ntitle: Een\nalleen_een: ja\nweight: 1\n---\n## Kop 1\n\n## Kop 2\n\n## Kop 3\n"},
      {"content/a/twee.md",
       "---\ntitle: Twee\nalleen_twee: ja\nweight: 2\n---\n## Kop 1\n\n## Kop 2\n"},
      {"templates/home.html", layout},
      {"templates/section.html", layout},
      {"templates/page.html", layout},
  };
}

}  // namespace

TEST_CASE("page frames: a page's frame holds nothing of the page rendered before it") {
  // Each thread fills one frame page after page (ContextBuilder::fill_page_frame); on one thread
  // every page but the first is written over another's.
  for (int jobs : {1, 2}) {
    INFO("jobs " << jobs);
    BuiltForTest built = build_for_test(frame_site(), jobs);
    INFO(format_diagnostics(built.result.diagnostics));
    REQUIRE(built.result.ok());
    const Files& out = built.files;
    const std::string& een = out.at("a/een/index.html");
    const std::string& twee = out.at("a/twee/index.html");
    CHECK(occurrences(een, "alleen_een") == 1);
    CHECK(occurrences(een, "alleen_twee") == 0);
    CHECK(occurrences(twee, "alleen_twee") == 1);
    CHECK(occurrences(twee, "alleen_een") == 0);
    CHECK(occurrences(een, "\"level\":2") == 3);
    CHECK(occurrences(twee, "\"level\":2") == 2);
    CHECK(een.find("|L=|S=\n") != std::string::npos);
    CHECK(twee.find("|L=|S=\n") != std::string::npos);
    CHECK(out.at("a/index.html").find("|L=Een;Twee;|") != std::string::npos);
    CHECK(out.at("index.html").find("|S=A;\n") != std::string::npos);
    CHECK(occurrences(out.at("a/index.html"), "\"level\"") == 0);
  }
}

}  // namespace wegwijzer
