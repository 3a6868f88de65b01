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

// What a text may need of cmark-gfm beyond CommonMark, from one pass over it (sixteen bytes at a
// time where SSE2 is there). A field is false only where the text cannot need the part; the test
// holds each to a plainer search written beside it.
struct TextNeeds {
  // CMARK_OPT_FOOTNOTES, as may_hold_footnotes (markdown.h) says.
  bool footnotes = false;
  // The table extension: a table's delimiter row needs a '|', written as such.
  bool tables = false;
  // Autolink's inline matcher: it looks for "www." or "://" in the source text (character
  // references are not decoded there).
  bool inline_autolinks = false;
  // Autolink's e-mail postprocess: it links only around an '@' (also in "mailto:" and "xmpp:"
  // links), written as such or escaped ("\@"), or one a character reference ("&#64;", "&#x40;",
  // "&commat;") becomes.
  bool email_autolinks = false;
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
