#include "serve/site_router.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

OutputFiles files(std::initializer_list<std::pair<const char*, const char*>> list) {
  OutputFiles out;
  for (const auto& [path, body] : list) out[path] = std::make_shared<const std::string>(body);
  return out;
}

TEST_CASE("content types follow the extension", "[serve]") {
  CHECK(content_type_for("a/index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("assets/site.1a2b3c4d.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("assets/js/steps.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("data/places.json") == "application/json");
  CHECK(content_type_for("sitemap.xml") == "application/xml");
  CHECK(content_type_for("robots.txt") == "text/plain; charset=utf-8");
  CHECK(content_type_for("FOTO.JPG") == "image/jpeg");
  CHECK(content_type_for("logo.svg") == "image/svg+xml");
  CHECK(content_type_for("font.woff2") == "font/woff2");
  CHECK(content_type_for("a.b/README") == "application/octet-stream");
  CHECK(content_type_for("geen-punt") == "application/octet-stream");
}

TEST_CASE("requests resolve as on a static host", "[serve]") {
  OutputFiles site = files({{"index.html", "home"},
                            {"paden/index.html", "paden"},
                            {"paden/huisarts/index.html", "huisarts"},
                            {"assets/site.css", "css"},
                            {"404.html", "niet gevonden"}});
  Route home = route_request(site, "/", "");
  CHECK(home.status == 200);
  CHECK(*home.body == "home");
  CHECK(home.content_type == "text/html; charset=utf-8");

  Route page = route_request(site, "/paden/huisarts/", "");
  CHECK(page.status == 200);
  CHECK(*page.body == "huisarts");

  Route file = route_request(site, "/assets/site.css", "");
  CHECK(file.status == 200);
  CHECK(file.content_type == "text/css; charset=utf-8");

  Route index = route_request(site, "/paden/index.html", "");
  CHECK(index.status == 200);

  Route redirect = route_request(site, "/paden/huisarts", "a=1&b=2");
  CHECK(redirect.status == 301);
  CHECK(redirect.location == "/paden/huisarts/?a=1&b=2");

  for (const char* missing :
       {"/nergens/", "/nergens", "/paden/huisarts/extra", "/../index.html", "/paden/../index.html",
        "//index.html", "/paden//huisarts/", "geen-slash", "/assets/site.css/"}) {
    INFO(missing);
    Route r = route_request(site, missing, "");
    CHECK(r.status == 404);
    CHECK(*r.body == "niet gevonden");
    CHECK(r.content_type == "text/html; charset=utf-8");
  }
}

TEST_CASE("a site without a 404 page still answers 404", "[serve]") {
  Route r = route_request(files({{"index.html", "home"}}), "/weg/", "");
  CHECK(r.status == 404);
  REQUIRE(r.body);
  CHECK(r.body->find("Niet gevonden") != std::string::npos);
}

}  // namespace
}  // namespace wegwijzer
