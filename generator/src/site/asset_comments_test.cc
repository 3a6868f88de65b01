#include "site/asset_comments.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

TEST_CASE("asset comments: CSS loses its comments, never a string's text") {
  CHECK(without_comments("a.css",
                         "/* why */\na{color:red} /* x */\n\nb::before{content:\"/* no */\"}\n") ==
        "a{color:red} \nb::before{content:\"/* no */\"}\n");
  CHECK(without_comments("a.css", "a{}\n/* never closed") == "a{}\n");
}

TEST_CASE("asset comments: JavaScript loses whole-line comments only") {
  CHECK(without_comments("a.js",
                         "// why\nconst u = 'http://x'; // stays\n  // indented\nconst t = `\n// "
                         "in a template\n`;\n") ==
        "const u = 'http://x'; // stays\nconst t = `\n// in a template\n`;\n");
  CHECK(without_comments("a.svg", "<!-- x -->\n\n") == "<!-- x -->\n\n");
}

}  // namespace
}  // namespace wegwijzer
