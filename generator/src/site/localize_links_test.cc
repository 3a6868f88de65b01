#include "site/localize_links.h"

#include <catch2/catch.hpp>

#include "site/two_language_site_for_test.h"

namespace wegwijzer {
namespace {

TEST_CASE("localized links: to the translation where there is one, hreflang left alone") {
  Site site = two_language_site_for_test();
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
