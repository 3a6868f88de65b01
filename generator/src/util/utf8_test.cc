#include "util/utf8.h"

#include <catch2/catch.hpp>

namespace wegwijzer {

TEST_CASE("find_invalid_utf8 accepts valid text and points at the first bad byte") {
  CHECK(find_invalid_utf8("gewoon tekst, ook ë en €") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xff") == 2);
  CHECK(find_invalid_utf8("a\xC0\xAF") == 1);      // overlong '/'
  CHECK(find_invalid_utf8("a\xED\xA0\x80") == 1);  // surrogate
  CHECK(find_invalid_utf8("\xE2\x82") == 0);       // truncated
  CHECK(bom_length("\xEF\xBB\xBFtitle") == 3);
  CHECK(bom_length("title") == 0);
}

}  // namespace wegwijzer
