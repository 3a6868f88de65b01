#include "site/base_path.h"

#include <catch2/catch.hpp>

#include "site/config.h"

namespace wegwijzer {
namespace {

TEST_CASE("base path: only URLs from the root get the path") {
  CHECK(with_base_path("/crisis/", "/ww") == "/ww/crisis/");
  CHECK(with_base_path("/", "/ww") == "/ww/");
  CHECK(with_base_path("//cdn.example/x", "/ww") == "//cdn.example/x");
  CHECK(with_base_path("https://x.nl/a/", "/ww") == "https://x.nl/a/");
  CHECK(with_base_path("#top", "/ww") == "#top");
  CHECK(with_base_path("/crisis/", "") == "/crisis/");
}

TEST_CASE("base path: HTML gets it in URL attributes, never in text or other attributes") {
  CHECK(html_with_base_path("<a href=\"/a/\" title=\"/a/\">/a/ &quot;/b/&quot;</a>", "/ww") ==
        "<a href=\"/ww/a/\" title=\"/a/\">/a/ &quot;/b/&quot;</a>");
  CHECK(html_with_base_path("<script src=\"/s.js\"></script><form action=\"/z/\">", "/ww") ==
        "<script src=\"/ww/s.js\"></script><form action=\"/ww/z/\">");
  CHECK(html_with_base_path("<form data-zoek-scripts=\"/a.js /b.js\" data-x=\"a /b\">", "/ww") ==
        "<form data-zoek-scripts=\"/ww/a.js /ww/b.js\" data-x=\"a /ww/b\">");
  CHECK(html_with_base_path("<img srcset=\"/a.png 1x,/b.png 2x\">", "/ww") ==
        "<img srcset=\"/ww/a.png 1x,/ww/b.png 2x\">");
  CHECK(html_with_base_path("<meta http-equiv=\"refresh\" content=\"0; url=/n/\">", "/ww") ==
        "<meta http-equiv=\"refresh\" content=\"0; url=/ww/n/\">");
  CHECK(html_with_base_path("<a href=\"https://x.nl/\"><a href=\"//h/\"><a href=\"\">", "/ww") ==
        "<a href=\"https://x.nl/\"><a href=\"//h/\"><a href=\"\">");
  CHECK(html_with_base_path("<a href=\"/a/\">", "") == "<a href=\"/a/\">");
}

TEST_CASE("base path: an Output writes HTML with the path and other files as they are") {
  MemoryOutput memory;
  BasePathOutput out(&memory);
  std::string error;
  REQUIRE(out.write("a.html", "<a href=\"/x/\">", &error));
  out.set_base_path("/ww");
  REQUIRE(out.write("b/index.html", "<a href=\"/x/\">", &error));
  REQUIRE(out.write("c.json", "[\"/x/\"]", &error));
  CHECK(memory.files().at("a.html") == "<a href=\"/x/\">");
  CHECK(memory.files().at("b/index.html") == "<a href=\"/ww/x/\">");
  CHECK(memory.files().at("c.json") == "[\"/x/\"]");
}

TEST_CASE("base path: the config takes it from base_url, and refuses what is not plain") {
  std::string url = "https://example.github.io/wegwijzer/", path = "x";
  REQUIRE(normalize_base_url(&url, &path));
  CHECK(url == "https://example.github.io/wegwijzer");
  CHECK(path == "/wegwijzer");
  url = "https://x.nl/";
  REQUIRE(normalize_base_url(&url, &path));
  CHECK(url == "https://x.nl");
  CHECK(path.empty());
  for (std::string bad : {"https://x.nl/a?b", "https://x.nl/a#b", "https://x.nl/a/../b",
                          "https://x.nl//a", "https://x.nl/a b", "https://x.nl/\"a", "ftp://x.nl/",
                          "https://", "x.nl/a", "https://u@x.nl/"}) {
    INFO(bad);
    CHECK_FALSE(normalize_base_url(&bad, &path));
  }
}

}  // namespace
}  // namespace wegwijzer
