#include "site/localize_links.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

Site two_language_site() {
  Site site;
  site.languages.resize(2);
  site.languages[1].code = "en";
  site.languages[1].prefix = "/en";
  auto add = [&](const std::string& url, int language, const std::string& key) {
    Page p;
    p.url = url;
    p.language = language;
    p.translation_key = key;
    site.page_by_url[url] = static_cast<int>(site.pages.size());
    site.translations[key].push_back(static_cast<int>(site.pages.size()));
    site.pages.push_back(std::move(p));
  };
  add("/crisis/", 0, "content/crisis.md");
  add("/en/crisis/", 1, "content/crisis.md");
  add("/kosten/", 0, "content/kosten.md");
  return site;
}

TEST_CASE("localized links: to the translation where there is one, hreflang left alone") {
  Site site = two_language_site();
  std::string html =
      R"(<a href="/crisis/#bel">x</a> <a href="/kosten/">y</a> <a href="/crisis/" hreflang="nl">z</a>)"
      R"( <a href="/nergens/">w</a> <img src="/crisis/">)";
  localize_links(site, site.pages[1], &html);
  CHECK(
      html ==
      R"(<a href="/en/crisis/#bel">x</a> <a href="/kosten/">y</a> <a href="/crisis/" hreflang="nl">z</a>)"
      R"( <a href="/nergens/">w</a> <img src="/crisis/">)");
  std::string own = R"(<a href="/crisis/">x</a>)";
  localize_links(site, site.pages[0], &own);  // the site's own language: untouched
  CHECK(own == R"(<a href="/crisis/">x</a>)");
}

}  // namespace
}  // namespace wegwijzer
