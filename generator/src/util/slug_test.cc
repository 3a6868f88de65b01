#include "util/slug.h"

#include <catch2/catch.hpp>

namespace wegwijzer {

TEST_CASE("slugify folds Dutch text into readable slugs") {
  CHECK(slugify("Wat doet de huisarts?") == "wat-doet-de-huisarts");
  CHECK(slugify("'s-Gravenhage") == "s-gravenhage");
  CHECK(slugify("Cliënt & naaste") == "client-naaste");
  CHECK(slugify("  Één   twee—drie ") == "een-twee-drie");
  CHECK(slugify("Súdwest-Fryslân") == "sudwest-fryslan");
  CHECK(slugify("IJsselstein") == "ijsselstein");
  CHECK(slugify("Bergen (NH.)") == "bergen-nh");
  CHECK(slugify("?!") == "");
}

}  // namespace wegwijzer
