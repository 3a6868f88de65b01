#include "site/content_loader.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

TEST_CASE("content layout: x.<language>.md is the page x.md in one of the site's languages") {
  const std::vector<std::string> languages = {"en", "ar"};
  CHECK(split_language("content/a/b.en.md", languages) ==
        std::pair<std::string, int>("content/a/b.md", 1));
  CHECK(split_language("content/_index.ar.md", languages) ==
        std::pair<std::string, int>("content/_index.md", 2));
  CHECK(split_language("content/a/b.fr.md", languages) ==
        std::pair<std::string, int>("content/a/b.fr.md", 0));
  CHECK(split_language("content/v1.0/b.md", languages).second == 0);

  ContentLayout layout = classify_content(
      {"content/_index.en.md", "content/_index.md", "content/s/_index.en.md", "content/s/p.en.md",
       "content/s/p.md", "content/b/index.en.md", "content/b/index.md", "content/b/foto.png"},
      "content/data", {"en"});
  REQUIRE(layout.pages.size() == 7);
  auto page = [&](const std::string& path) -> const PageSkeleton& {
    for (const PageSkeleton& p : layout.pages) {
      if (p.source_path == path) return p;
    }
    FAIL("no page " << path);
    return layout.pages[0];
  };
  CHECK(page("content/_index.en.md").kind == PageKind::kHome);
  CHECK(page("content/_index.en.md").language == 1);
  CHECK(page("content/s/_index.en.md").kind == PageKind::kSection);
  CHECK(page("content/s/p.en.md").language == 1);
  CHECK(page("content/s/p.md").language == 0);
  // A bundle's page in another language is a page, not one of its resources.
  CHECK(page("content/b/index.en.md").language == 1);
  CHECK(page("content/b/index.md").resources == std::vector<std::string>{"content/b/foto.png"});
  // Without the language in the site, x.en.md is just another page.
  CHECK(classify_content({"content/p.en.md"}, "content/data").pages[0].language == 0);
}

}  // namespace
}  // namespace wegwijzer
