#include "site/links.h"

#include <catch2/catch.hpp>

#include "site/build_memo.h"
#include "site/two_language_site_for_test.h"
#include "site/url_resolver.h"
#include "util/file_system.h"

namespace wegwijzer {

TEST_CASE("normalize_relative resolves dot segments and refuses to climb out") {
  std::string out;
  CHECK(normalize_relative("content/a/../b.md", &out));
  CHECK(out == "content/b.md");
  CHECK_FALSE(normalize_relative("content/../../x", &out));
}

TEST_CASE("LinkResolver rewrites Markdown links and reports broken ones") {
  MemoryFileSystem fs({
      {"content/_index.md", "---\ntitle: Home\n---\n"},
      {"content/paden/huisarts.md", "---\ntitle: H\n---\nzie [z](zorg.md)\n"},
      {"content/paden/zorg.md", "---\ntitle: Z\nslug: verzekeraar\n---\n"},
      {"content/bundel/index.md", "---\ntitle: B\n---\n"},
      {"content/bundel/doc.pdf", "%PDF"},
  });
  Site site;
  Diagnostics diags;
  load_content(fs, {}, &site, &diags);
  resolve_urls(&site, &diags);
  REQUIRE(diags.empty());
  LinkResolver links(site, {"/sitemap.xml"});
  int from = site.page_by_source.at("content/paden/huisarts.md");
  std::vector<AnchorCheck> anchors;
  auto resolve = [&](const std::string& href) {
    return links.resolve(from, href, 4, 5, &diags, &anchors);
  };

  CHECK(resolve("zorg.md") == "/paden/verzekeraar/");
  CHECK(resolve("zorg.md#kosten") == "/paden/verzekeraar/#kosten");
  CHECK(resolve("../bundel/doc.pdf") == "/bundel/doc.pdf");
  CHECK(resolve("../bundel/") == "/bundel/");
  CHECK(resolve("/paden/verzekeraar") == "/paden/verzekeraar/");
  CHECK(resolve("/paden/verzekeraar/") == std::nullopt);
  CHECK(resolve("/sitemap.xml") == std::nullopt);
  CHECK(resolve("https://www.113.nl") == std::nullopt);
  CHECK(resolve("tel:+318000113") == std::nullopt);
  CHECK(resolve("#boven") == std::nullopt);
  REQUIRE(anchors.size() == 2);
  CHECK(anchors[0].anchor == "kosten");
  CHECK(anchors[1].target == from);
  CHECK(diags.empty());

  CHECK(resolve("weg.md") == std::nullopt);
  CHECK(resolve("/nergens/") == std::nullopt);
  CHECK(resolve("../../buiten.md") == std::nullopt);
  CHECK(format_diagnostics(diags) ==
        "content/paden/huisarts.md:4:5: error: broken link: content/paden/weg.md does not "
        "exist (or is a draft)\n"
        "  zie [z](zorg.md)\n"
        "      ^\n"
        "content/paden/huisarts.md:4:5: error: broken link: no page or file at /nergens/\n"
        "  zie [z](zorg.md)\n"
        "      ^\n"
        "content/paden/huisarts.md:4:5: error: broken link: ../../buiten.md points outside "
        "content/\n"
        "  zie [z](zorg.md)\n"
        "      ^\n");
}

TEST_CASE("LinkResolver sends a translated page's links to the translations") {
  Site site = two_language_site_for_test();
  LinkResolver links(site, {});
  Diagnostics diags;
  std::vector<AnchorCheck> anchors;
  auto resolve = [&](int from, const std::string& href) {
    return links.resolve(from, href, 1, 1, &diags, &anchors);
  };
  // From the English page: the Dutch URL, exactly as it is, still goes to the English version.
  CHECK(resolve(1, "/crisis/") == "/en/crisis/");
  CHECK(resolve(1, "/crisis") == "/en/crisis/");
  CHECK(resolve(1, "/kosten/") == std::nullopt);  // no translation: the Dutch page
  CHECK(resolve(1, "/en/crisis/") == std::nullopt);
  // From the Dutch page nothing changes.
  CHECK(resolve(0, "/crisis/") == std::nullopt);
  CHECK(diags.empty());
}

TEST_CASE("collect_ids finds every id attribute") {
  CHECK(collect_ids(R"(<h2 id="b">x</h2><p id="a"></p><div data-id="c">)") ==
        std::vector<std::string>{"a", "b"});
}

}  // namespace wegwijzer
