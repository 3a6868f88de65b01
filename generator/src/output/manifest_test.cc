#include "output/manifest.h"

#include <catch2/catch.hpp>
#include <string>

namespace wegwijzer {
namespace {

TEST_CASE("manifest: one line per path, sorted, with the last bytes written to it") {
  MemoryOutput files;
  ManifestOutput manifest(&files);
  std::string error;
  REQUIRE(manifest.write("b/index.html", "eerst", &error));
  REQUIRE(manifest.write("a.css", "p{}", &error));
  REQUIRE(manifest.write("b/index.html", "daarna", &error));
  REQUIRE(manifest.write("a/index.html", "<p>a</p>", &error));
  CHECK(manifest.manifest() == sha256_hex("p{}") + "  a.css\n" + sha256_hex("<p>a</p>") +
                                   "  a/index.html\n" + sha256_hex("daarna") + "  b/index.html\n");
  CHECK(files.files().at("b/index.html") == "daarna");
}

}  // namespace
}  // namespace wegwijzer
