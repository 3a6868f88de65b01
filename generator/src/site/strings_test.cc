#include "site/strings.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

Strings words(const std::string& language, nlohmann::json values) {
  Strings s;
  s.language = language;
  s.values = std::move(values);
  return s;
}

TEST_CASE("strings: a language that lacks the site language's words is warned about") {
  Strings nl = words("nl", {{"call", "Bel"}, {"or", "of"}, {"finder_from", ""}});
  Diagnostics diags;
  check_same_keys(nl, words("en", {{"call", "Call"}, {"or", "or"}, {"finder_from", "/g/"}}),
                  &diags);
  CHECK(diags.empty());

  // An empty text is a word on purpose; a missing key is not.
  check_same_keys(nl, words("ar", {{"call", "اتصل"}}), &diags);
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.path == "templates/strings/ar.yaml");
  CHECK(d.message ==
        "lacks 2 of the words that templates/strings/nl.yaml has (finder_from, or): pages in "
        "\"ar\" show nothing where they go");
  CHECK_FALSE(diags.has_errors());
}

}  // namespace
}  // namespace wegwijzer
