#pragma once

// The cmark-gfm syntax extensions a Markdown text is parsed with.
//
// cmark-gfm's autolink extension does two things: while parsing inlines it links "www." and
// "scheme://" text, and afterwards (its postprocess) it joins all adjacent text nodes of the
// finished tree once more and searches every text node for an '@' to link e-mail addresses. That
// second walk costs about 3% of a build and does nothing in a text without an '@'; for such a
// text the parser gets a copy of the extension that does the first part only.

#include <cmark-gfm.h>

#include <span>
#include <string_view>

namespace wegwijzer::markdown {

// False when no text of `text` can hold an '@': none is written, as such or escaped ("\@"), and
// no character reference ("&#64;", "&#x40;", "&commat;") could become one. Only around an '@'
// does the autolink extension's postprocess link an e-mail address (or "mailto:"/"xmpp:" one).
bool may_hold_email_autolink(std::string_view text);

// The extensions to attach, in order: table, strikethrough, autolink, tasklist and tagfilter, as
// cmark-gfm registers them. One the library lacks is a null, for the caller to skip.
std::span<cmark_syntax_extension* const> all_extensions();

// all_extensions(), except that where `text` cannot hold an e-mail autolink the autolink
// extension is the copy without postprocess. Both sets switch on the same special characters
// (cmark_threads.h relies on every parser attaching the same ones).
std::span<cmark_syntax_extension* const> extensions_for(std::string_view text);

}  // namespace wegwijzer::markdown
