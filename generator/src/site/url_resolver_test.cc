#include "site/url_resolver.h"

#include <catch2/catch.hpp>

#include "site/build_memo.h"
#include "util/file_system.h"

namespace wegwijzer {
namespace {

Site load(MemoryFileSystem& fs, Diagnostics* diags) {
  Site site;
  load_content(fs, {}, &site, diags);
  resolve_urls(&site, diags);
  return site;
}

std::string page(const std::string& title, const std::string& extra = "") {
  return "---\ntitle: " + title + "\n" + extra + "---\nTekst.\n";
}

}  // namespace

TEST_CASE("normalize_site_path keeps paths inside the output folder") {
  std::string out, why;
  CHECK(normalize_site_path("/a/b", &out, &why));
  CHECK(out == "/a/b/");
  CHECK(normalize_site_path("/oud/pagina.html", &out, &why));
  CHECK(out == "/oud/pagina.html");
  CHECK(normalize_site_path("/", &out, &why));
  CHECK(out == "/");
  CHECK_FALSE(normalize_site_path("/a/../../b", &out, &why));
  CHECK(why == "would leave the output folder ('..' segment)");
  CHECK_FALSE(normalize_site_path("a/b", &out, &why));
  CHECK_FALSE(normalize_site_path("/a//b", &out, &why));
  CHECK_FALSE(normalize_site_path("/a b/", &out, &why));
  CHECK(output_path_for_url("/a/b/") == "a/b/index.html");
  CHECK(output_path_for_url("/") == "index.html");
  CHECK(output_path_for_url("/x.html") == "x.html");
}

TEST_CASE("pages get pretty URLs from their place under content/") {
  MemoryFileSystem fs({
      {"content/_index.md", page("Home")},
      {"content/Wat Nu.md", page("Wat nu")},
      {"content/paden/_index.md", page("Paden", "weight: 2\n")},
      {"content/paden/huisarts.md", page("Huisarts", "weight: 2\n")},
      {"content/paden/cliënt.md", page("Cliënt", "weight: 1\nslug: client-info\n")},
      {"content/bundel/index.md", page("Bundel")},
      {"content/bundel/foto.png", "png"},
      {"content/los/plaatje.svg", "<svg/>"},
      {"content/over.md", page("Over", "url: /over-ons\n")},
  });
  Diagnostics diags;
  Site site = load(fs, &diags);
  REQUIRE(format_diagnostics(diags).empty());
  auto url = [&](const std::string& src) { return site.pages[site.page_by_source.at(src)].url; };
  CHECK(url("content/_index.md") == "/");
  CHECK(url("content/Wat Nu.md") == "/wat-nu/");
  CHECK(url("content/paden/_index.md") == "/paden/");
  CHECK(url("content/paden/cliënt.md") == "/paden/client-info/");
  CHECK(url("content/bundel/index.md") == "/bundel/");
  CHECK(url("content/over.md") == "/over-ons/");
  const Page& bundle = site.pages[site.page_by_source.at("content/bundel/index.md")];
  CHECK(bundle.resources == std::vector<std::string>{"content/bundel/foto.png"});
  CHECK(site.static_files.at("los/plaatje.svg") == "content/los/plaatje.svg");
  // Children ordered by weight, then title.
  const Page& paden = site.pages[site.page_by_source.at("content/paden/_index.md")];
  REQUIRE(paden.pages.size() == 2);
  CHECK(site.pages[paden.pages[0]].front_matter.title == "Cliënt");
  CHECK(site.pages[site.home].sections.size() == 1);
}

TEST_CASE("a site without content/_index.md still gets a home page") {
  MemoryFileSystem fs({{"content/a.md", page("A")}});
  Diagnostics diags;
  Site site = load(fs, &diags);
  REQUIRE(site.home >= 0);
  CHECK(site.pages[site.home].url == "/");
  CHECK(site.pages[site.pages[site.page_by_source.at("content/a.md")].parent].url == "/");
}

TEST_CASE("drafts are left out unless asked for") {
  MemoryFileSystem fs({{"content/a.md", page("A", "draft: true\n")}});
  Diagnostics diags;
  Site site;
  load_content(fs, {}, &site, &diags);
  CHECK(site.pages.empty());
  load_content(fs, {true, 1}, &site, &diags);
  CHECK(site.pages.size() == 1);
}

}  // namespace wegwijzer
