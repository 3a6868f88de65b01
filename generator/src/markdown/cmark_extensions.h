#pragma once

// The cmark-gfm syntax extensions a Markdown text is parsed with.
//
// cmark-gfm's autolink extension does two things. While parsing inlines it links "www." and
// "scheme://" text; for that it makes ':' and 'w' special characters, and every 'w' of the text
// then ends a text node that the parser joins to the next one later (a fifth of the parse of a
// Dutch text). Afterwards (its postprocess) it joins all text nodes once more and searches each
// for an '@' to link e-mail addresses. A text that holds neither gets no autolink extension, and
// one that holds only one of them gets a copy of the extension that does only that part: the HTML
// is the same (cmark_extensions_test compares it with cmark-gfm's own over generated texts).
// A text without a '|' gets no table extension either, which saves its look at every paragraph.

#include <cmark-gfm.h>

#include <span>
#include <string_view>

namespace wegwijzer::markdown {

// False when no text of `text` can hold an '@': none is written, as such or escaped ("\@"), and
// no character reference ("&#64;", "&#x40;", "&commat;") could become one. Only around an '@'
// does the autolink extension's postprocess link an e-mail address (or "mailto:"/"xmpp:" one).
bool may_hold_email_autolink(std::string_view text);

// False when `text` has no '|': a table's delimiter row needs one, written as such.
bool may_hold_table(std::string_view text);

// False when `text` holds neither "www." nor "://": the autolink extension's inline matcher looks
// for exactly these in the source text (character references are not decoded there).
bool may_hold_inline_autolink(std::string_view text);

// What a text may need of cmark-gfm beyond CommonMark, from one pass over it: each field is
// what the function named beside it says (sixteen bytes at a time where SSE2 is there).
struct TextNeeds {
  bool footnotes = false;         // may_hold_footnotes (markdown.h): CMARK_OPT_FOOTNOTES
  bool tables = false;            // may_hold_table
  bool inline_autolinks = false;  // may_hold_inline_autolink
  bool email_autolinks = false;   // may_hold_email_autolink
};

TextNeeds needs_of(std::string_view text);

struct ChosenExtensions {
  // To attach in order: table, strikethrough, autolink (or the part of it a text needs), tasklist,
  // tagfilter. One the library lacks, or that the text does not need, is a null to skip.
  std::span<cmark_syntax_extension* const> list;
  // Whether `list` matches inline autolinks: the parse then needs their special characters
  // switched on (AutolinkCharacters, cmark_threads.h).
  bool inline_autolinks = false;
};

// The extensions for a text with these needs: its HTML is the same as with all_extensions().
ChosenExtensions extensions_for(const TextNeeds& needs);

// Every extension as cmark-gfm has it, as for a text that may hold anything.
ChosenExtensions all_extensions();

// The extensions other than autolink: their special characters are switched on for good.
std::span<cmark_syntax_extension* const> extensions_without_autolink();

// cmark-gfm's own autolink extension, or null.
cmark_syntax_extension* autolink_extension();

}  // namespace wegwijzer::markdown
