// The engine knows no language: every word a reader sees comes from the site or its theme. A
// site with only content/ and `language: en` gets the built-in theme's English words and dates.

#include <catch2/catch.hpp>

#include "site/build_for_test.h"

namespace wegwijzer {
namespace {

std::map<std::string, std::string> build(const std::map<std::string, std::string>& files) {
  BuiltForTest built = build_for_test(files);
  INFO(format_diagnostics(built.result.diagnostics));
  REQUIRE(built.result.ok());
  return built.files;
}

const char* const kPage =
    "---\ntitle: Page\nlastmod: 2026-11-23\n---\n## First\n\nText[^1].\n\n## ?!\n\n[^1]: Note.\n";

}  // namespace

TEST_CASE("language: a content-only site in English gets English words and dates") {
  auto out = build({{"wegwijzer.yaml", "language: en\n"},
                    {"content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"},
                    {"content/page.md", kPage}});
  const std::string& page = out.at("page/index.html");
  CHECK(page.find("lang=\"en\"") != std::string::npos);
  CHECK(page.find("Last changed on <time datetime=\"2026-11-23\">23 November 2026</time>") !=
        std::string::npos);
  CHECK(page.find("On this page") != std::string::npos);
  CHECK(page.find("aria-label=\"Back to the text\"") != std::string::npos);
  CHECK(page.find("id=\"section\"") != std::string::npos);  // the heading without letters
  CHECK(out.at("404.html").find("Page not found") != std::string::npos);
  // No word of the Dutch theme anywhere a reader sees: not in the frame (skip link, menus, footer,
  // quick exit, crisis strip), not on the 404 page, not in a script a page loads. (Style sheets
  // and scripts no page loads show nothing.)
  std::string html;
  for (const auto& [path, bytes] : out) html += path.ends_with(".html") ? bytes : "";
  for (const auto& [path, bytes] : out) {
    if (path.ends_with(".css") || (path.ends_with(".js") && html.find(path) == std::string::npos)) {
      continue;
    }
    for (const char* dutch :
         {"Laatst gewijzigd", "november", "Op deze pagina", "Terug naar", "id=\"kop\"",
          "Naar de inhoud", "Hoofdmenu", "Hulp bij crisis", "Snel weg", "Over deze site",
          "huisarts", "Kies wat", "Pagina niet", "bestaat niet", "startpagina", "druk 3 keer",
          " de ", " het ", " een "}) {
      INFO(path << ": " << dutch);
      CHECK(bytes.find(dutch) == std::string::npos);
    }
  }
}

TEST_CASE("language: the same site in Dutch gets the Dutch words") {
  auto out = build({{"wegwijzer.yaml", "language: nl\n"},
                    {"content/_index.md", "---\ntitle: Home\n---\nWelkom.\n"},
                    {"content/page.md", kPage}});
  const std::string& page = out.at("page/index.html");
  CHECK(page.find("Laatst gewijzigd op <time datetime=\"2026-11-23\">23 november 2026</time>") !=
        std::string::npos);
  CHECK(page.find("aria-label=\"Terug naar de tekst\"") != std::string::npos);
  CHECK(page.find("id=\"kop\"") != std::string::npos);
}

TEST_CASE("language: a language the theme has no words for is an error naming the file") {
  MemoryFileSystem fs(
      {{"wegwijzer.yaml", "language: fy\n"}, {"content/_index.md", "---\ntitle: Thús\n---\n"}});
  MemoryOutput output;
  BuildResult result = build_site(fs, BuildOptions{}, &output);
  REQUIRE_FALSE(result.ok());
  CHECK(
      format_diagnostics(result.diagnostics)
          .find("templates/strings/fy.yaml: error: the theme has no words for the site's language "
                "\"fy\" (it has: en, nl)") != std::string::npos);
}

}  // namespace wegwijzer
