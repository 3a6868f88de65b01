#include "util/find_text.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

TEST_CASE("find text: as string_view::find does") {
  std::string_view html = "<h2 id=\"a\">x</h2> <p id=\"b\">";
  for (std::string_view needle : {" id=\"", "<p", "x", "", "missing"}) {
    for (size_t from : {size_t{0}, size_t{5}, html.size(), html.size() + 1}) {
      INFO(needle << " from " << from);
      CHECK(find_text(html, needle, from) == html.find(needle, from));
    }
  }
}

}  // namespace
}  // namespace wegwijzer
