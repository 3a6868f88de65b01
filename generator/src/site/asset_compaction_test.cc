#include "site/asset_compaction.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

TEST_CASE("asset compaction: CSS loses its comments, never a string's text") {
  CHECK(compact_asset("a.css",
                      "/* why */\na{color:red} /* x */\n\nb::before{content:\"/* no */\"}\n") ==
        "a{color:red} \nb::before{content:\"/* no */\"}\n");
  CHECK(compact_asset("a.css", "a{}\n/* never closed") == "a{}\n");
}

TEST_CASE("asset compaction: JavaScript is compacted, or kept when it cannot be read") {
  CHECK(compact_asset("a.js", "// why\nconst u = 'x // y';\n") == "const u='x // y';\n");
  CHECK(compact_asset("a.js", "const s = \"unterminated\n") == "const s = \"unterminated\n");
  CHECK(compact_asset("a.svg", "<!-- x -->\n\n") == "<!-- x -->\n\n");
}

}  // namespace
}  // namespace wegwijzer
