#include "markdown/cmark_extensions.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "markdown/cmark_document_for_test.h"
#include "util/texts_from_pieces_for_test.h"

namespace wegwijzer::markdown {

TEST_CASE("cmark extensions: only a text that can hold an '@' gets the e-mail postprocess") {
  CHECK_FALSE(may_hold_email_autolink("Zie www.example.nl of https://example.nl/a.\n"));
  CHECK(may_hold_email_autolink("Mail info@example.nl.\n"));
  CHECK(may_hold_email_autolink("Mail info&#64;example.nl.\n"));
  CHECK(may_hold_email_autolink("Mail info&commat;example.nl.\n"));
  CHECK(extensions_for("a@b.nl").data() == all_extensions().data());
  CHECK(extensions_for("ab.nl").data() != all_extensions().data());
  CHECK(CmarkDocumentForTest("info@example.nl\n", 0).html().find("mailto:") != std::string::npos);
}

TEST_CASE("cmark extensions: without an '@' the copy of autolink renders as cmark-gfm's own") {
  // Generated texts from the pieces of links, e-mail addresses and the other extensions' syntax,
  // judged by cmark-gfm itself. Where the first look finds no '@', the extensions extensions_for
  // chooses give the same HTML as all of cmark-gfm's.
  const std::vector<std::string> pieces = {
      "www.",  "example", ".nl",      "https://", "http://", "ftp://", "mailto:", "xmpp:",
      "@",     "&#64;",   "&commat;", "&#x40;",   "\\@",     " ",      "\n",      "x",
      "| ",    "|---|",   "~~",       "- [ ] ",   "<",       ">",      "(",       ")",
      "[",     "](",      "`",        "*",        "_",       "&amp;",  "/",       "> ",
      "<div>", "\t",      "1. ",      ".",        "-",       ":",      " a@b.nl", "i&#64;x.nl"};
  TextsFromPiecesForTest texts(pieces, 16, 20261207);
  size_t judged = 0, differ_where_may = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = texts.next();
    std::string own = CmarkDocumentForTest(text, 0).html();
    std::string chosen = CmarkDocumentForTest(text, 0, extensions_for(text)).html();
    INFO(text);
    if (may_hold_email_autolink(text)) {
      std::string without = CmarkDocumentForTest(text, 0, extensions_for("")).html();
      differ_where_may += own != without;
      REQUIRE(own == chosen);
      continue;
    }
    ++judged;
    REQUIRE(own == chosen);
  }
  CHECK(judged > 2000);
  CHECK(differ_where_may > 2000);  // the pieces do make e-mail links
}

}  // namespace wegwijzer::markdown
