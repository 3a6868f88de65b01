#include "check/contact_literals.h"

#include <catch2/catch.hpp>

#include "util/texts_from_pieces_for_test.h"

namespace wegwijzer {
namespace {

const LiteralRules kRules{{"112", "113"}, {"113 Zelfmoordpreventie", "113.nl", "Zorgloket"}};

TEST_CASE("contact literals: numbers and addresses in prose are found") {
  std::vector<ContactLiteral> found =
      find_contact_literals("Bel 030 789 78 78 of mail info@voorbeeld.nl, of bel 112.", kRules);
  REQUIRE(found.size() == 3);
  CHECK(found[0].text == "030 789 78 78");
  CHECK(found[1].text == "info@voorbeeld.nl");
  CHECK(found[1].is_email);
  CHECK(found[2].text == "112");
  // Inside a tag, allowed text, or part of a longer word or number: nothing.
  CHECK(find_contact_literals("{{< feit id=\"tel-0800-0113\" >}} 113.nl pagina-0301 2030", kRules)
            .empty());
}

TEST_CASE("contact literals: the first look never passes over what the scan finds") {
  // Texts made of the pieces that matter: digits, separators, tags and the allowed text.
  const std::vector<std::string> pieces = {"0",
                                           "06",
                                           "1",
                                           "2",
                                           "3",
                                           "8",
                                           "-",
                                           " ",
                                           "/",
                                           "@",
                                           ".",
                                           "a",
                                           "nl",
                                           "{{",
                                           "}}",
                                           "112",
                                           "113",
                                           "113.nl",
                                           "\n",
                                           "0800",
                                           "-0113",
                                           "789 78 78",
                                           "x@",
                                           "}}0",
                                           "113 Zelfmoordpreventie",
                                           "0800-0113",
                                           "020 123 4567",
                                           "Zorgloket"};
  TextsFromPiecesForTest texts(pieces, 12, 20261205);
  size_t with_literals = 0, passed_over = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = texts.next();
    bool found = !scan_contact_literals(text, kRules).empty();
    bool may = may_hold_contact_literal(text, kRules);
    if (found) ++with_literals;
    if (!may) ++passed_over;
    INFO(text);
    REQUIRE((may || !found));
  }
  // The walk must have seen both kinds of text.
  CHECK(with_literals > 1000);
  CHECK(passed_over > 1000);
}

}  // namespace
}  // namespace wegwijzer
