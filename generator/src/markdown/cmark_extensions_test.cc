#include "markdown/cmark_extensions.h"

#include <array>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/cmark_document_for_test.h"
#include "markdown/markdown.h"
#include "util/texts_from_pieces_for_test.h"

namespace wegwijzer::markdown {

namespace {

// The plain searches needs_of is held to, one per need.

// Whether `part` occurs in `text`, found through its character at `anchor`: the rarest one in
// prose, so that memchr does most of the work ('w' is common in Dutch, '.' much less).
bool contains(std::string_view text, std::string_view part, size_t anchor) {
  const char rare = part[anchor];
  for (size_t at = text.find(rare, anchor); at != std::string_view::npos;
       at = text.find(rare, at + 1)) {
    if (text.substr(at - anchor, part.size()) == part) return true;
  }
  return false;
}

// See TextNeeds::email_autolinks.
bool may_hold_email_autolink(std::string_view text) {
  return text.find('@') != std::string_view::npos || contains(text, "&#", 0) ||
         contains(text, "&commat;", 0);
}

// See TextNeeds::tables.
bool may_hold_table(std::string_view text) {
  return text.find('|') != std::string_view::npos;
}

// See TextNeeds::inline_autolinks.
bool may_hold_inline_autolink(std::string_view text) {
  return contains(text, "://", 0) || contains(text, "www.", 3);
}

}  // namespace

TEST_CASE("cmark extensions: only a text that can hold an '@' gets the e-mail postprocess") {
  CHECK_FALSE(may_hold_email_autolink("Zie www.example.nl of https://example.nl/a.\n"));
  CHECK(may_hold_email_autolink("Mail info@example.nl.\n"));
  CHECK(may_hold_email_autolink("Mail info&#64;example.nl.\n"));
  CHECK(may_hold_email_autolink("Mail info&commat;example.nl.\n"));
  CHECK_FALSE(extensions_for(needs_of("Zie info@example.nl.")).inline_autolinks);
  CHECK(extensions_for(needs_of("Zie www.example.nl.")).inline_autolinks);
  CHECK(extensions_for(needs_of("Zie https://example.nl.")).inline_autolinks);
  CHECK(all_extensions().inline_autolinks);
  CHECK(CmarkDocumentForTest("info@example.nl\n", 0).html().find("mailto:") != std::string::npos);
}

TEST_CASE("cmark extensions: the extensions chosen for a text render it as all of cmark-gfm's") {
  // Generated texts from the pieces of links, e-mail addresses and the other extensions' syntax,
  // judged by cmark-gfm itself with every extension: the extensions extensions_for leaves out or
  // replaces by a part change nothing, whatever the autolink characters are switched to.
  std::vector<std::string> pieces = {
      "www.",  "WWW.",  "ww.",      "https://", "http://", "ftp://", "mailto:", "xmpp:",
      "@",     "&#64;", "&commat;", "&#x40;",   "\\@",     " ",      "\n",      "x",
      "| ",    "|---|", "~~",       "- [ ] ",   "<",       ">",      "(",       ")",
      "[",     "](",    "`",        "*",        "_",       "&amp;",  "/",       "> ",
      "<div>", "\t",    "1. ",      ".",        "-",       ":",      " a@b.nl", "i&#64;x.nl",
      ":/",    "//",    "example",  ".nl",      "w",       "| c |"};
  pieces.push_back("\n| a | b |\n|---|:--|\n");  // a whole table
  TextsFromPiecesForTest texts(pieces, 16, 20261207);
  std::array<size_t, 4> by_need{};  // (inline autolinks ? 2 : 0) + (e-mail ? 1 : 0)
  size_t linked = 0, tables = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = texts.next();
    std::string own = CmarkDocumentForTest(text, 0).html();
    INFO(text);
    REQUIRE(own == CmarkDocumentForTest(text, 0, extensions_for(needs_of(text))).html());
    ++by_need[(may_hold_inline_autolink(text) ? 2 : 0) + (may_hold_email_autolink(text) ? 1 : 0)];
    linked +=
        own != CmarkDocumentForTest(text, 0, extensions_for(TextNeeds{.tables = true})).html();
    tables += own.find("<table>") != std::string::npos;
  }
  for (size_t need : by_need) CHECK(need > 1000);
  CHECK(linked > 2000);  // the pieces do make autolinks
  CHECK(tables > 500);   // and tables
}

TEST_CASE("cmark extensions: one pass finds what the three first looks find") {
  // Pieces of every kind of need, with fillers of odd lengths so that each lands at every place
  // in a sixteen-byte block and across two.
  const std::vector<std::string> pieces = {
      "www.", "ww",  "w", "w.",  "://",   ":/",        ":",     "/",
      "@",    "&#",  "&", "#",   "&Hat;", "&Hat",      "&comm", "&commat;",
      "^",    "\\^", " ", "abc", "defgh", "ijklmnopq", "\n",    "Wat wordt waar gewogen, ",
      "|"};
  TextsFromPiecesForTest texts(pieces, 24, 20261208);
  std::array<size_t, 4> found{};
  for (int round = 0; round < 20000; ++round) {
    std::string text = texts.next();
    INFO(text);
    TextNeeds needs = needs_of(text);
    REQUIRE(needs.footnotes == may_hold_footnotes(text));
    REQUIRE(needs.tables == may_hold_table(text));
    REQUIRE(needs.inline_autolinks == may_hold_inline_autolink(text));
    REQUIRE(needs.email_autolinks == may_hold_email_autolink(text));
    found[0] += needs.footnotes;
    found[1] += needs.inline_autolinks;
    found[2] += needs.email_autolinks;
    found[3] += needs.tables;
  }
  for (size_t n : found) {
    CHECK(n > 2000);
    CHECK(n < 19000);
  }
}

}  // namespace wegwijzer::markdown
