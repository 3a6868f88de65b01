#include "site/site_files.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "site/build_for_test.h"

namespace wegwijzer {

TEST_CASE("sitemap: every page with a layout, in the order of its URL, without those left out") {
  // Source order is not URL order: "url" in the front matter moves two pages.
  std::map<std::string, std::string> files = {
      {"wegwijzer.yaml", "title: T\nbase_url: https://example.nl\n"},
      {"content/_index.md", "---\ntitle: Home\n---\nTekst.\n"},
      {"content/a.md", "---\ntitle: A\nurl: /zz/\ndate: 2026-11-02T10:00:00\n---\nTekst.\n"},
      {"content/b.md", "---\ntitle: B\nsitemap: false\n---\nTekst.\n"},
      {"content/z/_index.md", "---\ntitle: Z\nurl: /b&c/\n---\nTekst.\n"},
      {"content/z/y.md", "---\ntitle: Y\n---\nTekst.\n"},
      {"templates/home.html", "{{page.title}}"},
      {"templates/section.html", "{{page.title}}"},
      {"templates/page.html", "{{page.title}}"},
  };
  BuiltForTest built = build_for_test(files);
  INFO(format_diagnostics(built.result.diagnostics));
  REQUIRE(built.result.ok());
  CHECK(built.files.at("sitemap.xml") ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <url><loc>https://example.nl/</loc></url>\n"
        "  <url><loc>https://example.nl/b&amp;c/</loc></url>\n"
        "  <url><loc>https://example.nl/z/y/</loc></url>\n"
        "  <url><loc>https://example.nl/zz/</loc><lastmod>2026-11-02</lastmod></url>\n"
        "</urlset>\n");
}

}  // namespace wegwijzer
