#pragma once

// Markdown to HTML through cmark-gfm with the GFM extensions (table, strikethrough, autolink,
// tasklist, tagfilter) and footnotes. Raw HTML is never passed through and unsafe link schemes
// (javascript:, vbscript:, file:, most data:) are dropped. Headings get stable Dutch-friendly ids.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wegwijzer::markdown {

struct Heading {
  int level = 0;     // 1..6
  std::string text;  // plain text of the heading
  std::string id;    // unique within the document: "kosten", "kosten-1", ...
  int line = 0;      // in the file (Options::first_line applied)
};

// Decides what becomes of a link or image destination found at (line, column) of the file.
// Returns the replacement destination, or nullopt to keep it as written.
using LinkRewriter =
    std::function<std::optional<std::string>(const std::string& href, int line, int column)>;

// A paragraph that holds nothing but `{{< name key="value" key2="value" >}}` is a block
// directive: an editor's way to embed a data-driven part. The handler returns the HTML to put in
// its place (inserted as is), or nullopt to report nothing and leave the paragraph as text.
struct BlockDirective {
  std::string name;
  std::map<std::string, std::string> args;
  int line = 0;
  int column = 0;
};
using BlockHandler = std::function<std::optional<std::string>(const BlockDirective&)>;

// The same form inside a line of text ("Bel {{< feit id="tel-112" >}} bij gevaar.") is an inline
// directive. Its handler returns the HTML to put in its place and the plain text that headings,
// summaries and word counts see, or nullopt to leave it as written.
struct InlineReplacement {
  std::string html;
  std::string text;
  std::string key;  // what the handler knows it by: listed in Rendered::inline_keys
};
using InlineHandler = std::function<std::optional<InlineReplacement>(const BlockDirective&)>;

struct Options {
  int first_line = 1;  // line number of the first line of `text` in its file
  LinkRewriter rewrite_link;
  BlockHandler handle_block;
  InlineHandler handle_inline;
  bool want_plain_text = false;  // fill Rendered::plain_text (for readability checks)
  // Words the renderer writes itself, in the page's language: the label of a footnote's link
  // back to the text (empty: cmark-gfm's English one) and the id of a heading without letters.
  std::string footnote_back_label;
  std::string fallback_heading_id = "section";
  // The text is known to be valid UTF-8 (pages are checked when they are loaded), so cmark-gfm
  // need not check it again line by line.
  bool input_is_valid_utf8 = false;
};

struct Rendered {
  std::string html;
  std::vector<Heading> headings;
  size_t word_count = 0;
  std::string summary;     // plain text of the first paragraph
  std::string plain_text;  // paragraphs, list items and headings as text, one block a line
  // The key of each inline directive in `html`, in the order the HTML has them (a footnote's at
  // its end), so that a caller need not search the HTML for what it put there.
  std::vector<std::string> inline_keys;
};

Rendered render(std::string_view text, const Options& options);

// False when `text` cannot hold a footnote or a reference to one: it has no '^', written as
// such, escaped ("\^") or as a character reference ("&#94;", "&#x5E;", "&Hat;"), which is what
// cmark-gfm looks for right after a '['.
bool may_hold_footnotes(std::string_view text);

// Where `text` has a '[' followed at once by a character reference for '^' ("&#94;", "&#x5E;",
// "&Hat;", with any leading zeros), or npos. cmark-gfm 0.29 takes such a '[' for a footnote mark
// and copies the mark's label from past the end of the one character the reference became, out of
// memory that is not the text's; so render() parses such a text without footnotes.
size_t find_caret_reference_after_bracket(std::string_view text);

// True when a line of `text` holds "[^" and, after it, "]:": a footnote's definition, as far as
// a first look can tell.
bool defines_footnote(std::string_view text);

// False when no link or image destination in `text` can hold a '#': every '#' is the mark of an
// ATX heading, and no character reference ("&#35;", "&num;") could become one. A site none of
// whose pages may link to an anchor need not look for ids in its pages.
bool may_link_to_anchors(std::string_view text);

}  // namespace wegwijzer::markdown
