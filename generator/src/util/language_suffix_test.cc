#include "util/language_suffix.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

TEST_CASE("language suffix: the language before the extension, of the site's languages only") {
  using Split = std::pair<std::string, int>;
  CHECK(split_language_suffix("a/b.en.md", ".md", {"en", "ar"}) == Split("a/b.md", 1));
  CHECK(split_language_suffix("d/x.ar.json", ".json", {"en", "ar"}) == Split("d/x.json", 2));
  CHECK(split_language_suffix("a/b.fr.md", ".md", {"en"}) == Split("a/b.fr.md", 0));
  CHECK(split_language_suffix("a.en/b.md", ".md", {"en"}) == Split("a.en/b.md", 0));
  CHECK(split_language_suffix("a/b.en.md", ".json", {"en"}) == Split("a/b.en.md", 0));
}

}  // namespace
}  // namespace wegwijzer
