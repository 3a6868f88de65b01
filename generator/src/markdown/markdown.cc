#include "markdown/markdown.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "markdown/cmark_extensions.h"
#include "markdown/cmark_node_access.h"
#include "markdown/cmark_owners.h"
#include "markdown/cmark_threads.h"
#include "markdown/html_writer.h"
#include "markdown/node_arena.h"
#include "util/slug.h"

namespace wegwijzer::markdown {
namespace {

// Safe mode is cmark-gfm's default (no CMARK_OPT_UNSAFE): raw HTML becomes a comment and
// javascript:/vbscript:/file: destinations render as href="". VALIDATE_UTF8 keeps a stray Latin-1
// byte in a source file from producing an invalid UTF-8 page; it is left out for text the caller
// has checked already (Options::input_is_valid_utf8). FOOTNOTES only where there can be one
// (may_hold_footnotes): with it the parser walks the whole tree twice more to number them.
int cmark_options(const TextNeeds& needs) {
  return needs.footnotes ? CMARK_OPT_FOOTNOTES : 0;
}

// cmark-gfm 0.29 keeps its table of special inline characters in one process-wide array, and every
// parser switches the extensions' characters (~ | : w ...) on before and off after inline parsing
// (and around each table row). Two documents parsed at once would switch them off under each
// other and lose strikethrough, table cells or autolinks at random. cmark_threads.cc keeps them
// switched on for good; only where that override is not in force is parsing serialised.
std::mutex& parse_mutex() {
  static std::mutex mutex;
  return mutex;
}

// cmark-gfm labels footnote back-links in English; a page in another language says its own words
// to screen readers too.
void translate_footnote_labels(std::string* html, const std::string& label) {
  static const std::string kEnglish = "aria-label=\"Back to content\"";
  if (label.empty()) return;
  std::string own = "aria-label=\"";
  for (char c : label)
    own += c == '"' ? std::string("&quot;") : c == '&' ? std::string("&amp;") : std::string(1, c);
  own += "\"";
  for (size_t pos = html->find(kEnglish); pos != std::string::npos;
       pos = html->find(kEnglish, pos)) {
    html->replace(pos, kEnglish.size(), own);
    pos += own.size();
  }
}

// A link whose destination was dropped as unsafe (javascript:, vbscript:, file:) or never had
// one points nowhere: keep its text, drop the link. Raw HTML never passes through and links do not
// nest, so an empty href can only be such a link and the next </a> closes it.
void unwrap_dropped_links(std::string* html) {
  static const std::string kOpen = "<a href=\"\"";
  for (size_t pos = html->find(kOpen); pos != std::string::npos; pos = html->find(kOpen, pos)) {
    size_t tag_end = html->find('>', pos);
    size_t close = tag_end == std::string::npos ? std::string::npos : html->find("</a>", tag_end);
    if (close == std::string::npos) break;
    html->erase(close, 4);
    html->erase(pos, tag_end + 1 - pos);
  }
}

ParserPtr new_parser(std::span<cmark_syntax_extension* const> extensions, int options,
                     bool input_is_valid_utf8, cmark_mem* mem) {
  ParserPtr parser(cmark_parser_new_with_mem(
      options | (input_is_valid_utf8 ? 0 : CMARK_OPT_VALIDATE_UTF8), mem));
  for (cmark_syntax_extension* extension : extensions) {
    if (extension != nullptr) cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  return parser;
}

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

#if defined(__SSE2__)
// The bytes of a 16-byte block that is_space takes, as bit masks: the spaces, and the others.
struct SpaceMasks {
  uint32_t spaces;
  uint32_t others;
};
SpaceMasks space_masks(__m128i v) {
  auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  __m128i others = _mm_or_si128(_mm_or_si128(eq('\t'), eq('\n')), _mm_or_si128(eq('\r'), eq('\f')));
  return {static_cast<uint32_t>(_mm_movemask_epi8(eq(' '))),
          static_cast<uint32_t>(_mm_movemask_epi8(others))};
}
#endif

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Source lines: cmark reports byte positions; callers want the file's line and character column.

class SourceLines {
 public:
  explicit SourceLines(std::string_view text) : text_(text) {
    starts_.push_back(0);
    if (text.find('\r') == std::string_view::npos) {
      // The usual case, found with memchr rather than byte by byte: every page has it.
      for (size_t nl = text.find('\n'); nl != std::string_view::npos;
           nl = text.find('\n', nl + 1)) {
        starts_.push_back(nl + 1);
      }
      return;
    }
    // cmark ends a line at \n, \r\n and a lone \r; counting the same way keeps line numbers equal.
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
        starts_.push_back(i + 1);
      }
    }
  }

  int count() const { return static_cast<int>(starts_.size()); }

  // Line `number` (1-based) without its line ending; empty when out of range.
  std::string_view line(int number) const {
    if (number < 1 || static_cast<size_t>(number) > starts_.size()) return {};
    size_t begin = starts_[number - 1];
    size_t end = static_cast<size_t>(number) < starts_.size() ? starts_[number] : text_.size();
    std::string_view line = text_.substr(begin, end - begin);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    return line;
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

// 1-based column in characters of the byte at `byte_index`.
int character_column(std::string_view line, size_t byte_index) {
  int column = 1;
  for (size_t i = 0; i < byte_index && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

// Where a paragraph's text starts on a continuation line: after the block quote markers and the
// indentation of the containers. A continuation line can never start with '>' itself, because a
// block quote interrupts a paragraph.
size_t first_content_byte(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Text and words

constexpr bool is_word_code_point(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;  // Latin-1 punctuation and signs
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, currency, arrows, math, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;  // variation selectors
  return cp < 0x1F000;                             // emoji and pictographs are not words
}

// A token is a word when it holds a letter or digit: "€", "-" and "→" are not, "e-mail" and "3,5"
// are one each.
bool has_word_character(std::string_view token) {
  for (size_t i = 0; i < token.size(); ++i) {
    auto c = static_cast<unsigned char>(token[i]);
    if (c < 0x80) {
      if (is_word_code_point(c)) return true;
      continue;
    }
    size_t length = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (length == 1 || i + length > token.size()) continue;
    uint32_t cp = c & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) cp = (cp << 6) | (token[i + k] & 0x3F);
    if (is_word_code_point(cp)) return true;
    i += length - 1;
  }
  return false;
}

// Counts the words of a stream of text pieces as if they were joined: a word is a run of
// non-space characters holding a letter or digit ("**e**-mail" is one word, as the reader sees
// it). Counting as the pieces come saves building the text of every block only to count it. A
// word is counted at its first letter or digit.
class WordCounter {
 public:
  void feed(std::string_view s) {
    size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time where they are ASCII or Latin-1 letters, with bit masks.
    while (i + 16 <= s.size()) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      const uint32_t high = static_cast<uint32_t>(_mm_movemask_epi8(v));
      uint32_t letters = 0;
      if (high != 0 && !latin1_letter_bytes(v, high, &letters)) {
        size_t stop = i + 16;
        while (i < stop) step(s, &i);
        continue;
      }
      feed16(v, letters);
      i += 16;
    }
#endif
    while (i < s.size()) step(s, &i);
  }
  // A line break, a table cell or the end of a block ends the word being read.
  void end_word() {
    counted_ = false;
  }
  size_t count() const {
    return words_;
  }

 private:
  // One byte, or one whole character when it starts a longer one.
  void step(std::string_view s, size_t* at) {
    size_t& i = *at;
    auto c = static_cast<unsigned char>(s[i]);
    if (kClass[c] == kSpace) {
      counted_ = false;
      ++i;
      return;
    }
    if (counted_ || kClass[c] == kWord) {
      if (!counted_) ++words_;
      counted_ = true;
      ++i;
      return;
    }
    size_t begin = i++;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    if (kClass[c] == kLead && has_word_character(s.substr(begin, i - begin))) {
      ++words_;
      counted_ = true;
    }
  }

#if defined(__SSE2__)
  // Without a popcnt instruction in the baseline x86-64 the builtin is a library call.
  static size_t bits_set(uint32_t x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
  }

  // The bytes of two-byte Latin-1 letters (U+00C0 to U+00FF but for the signs × and ÷: "é",
  // "ë", "ö"), set in `letters`, when every byte of the block beyond ASCII belongs to one that
  // lies wholly in the block; false otherwise, and the block goes byte by byte. Dutch text has
  // few other characters beyond ASCII.
  static bool latin1_letter_bytes(__m128i v, uint32_t high, uint32_t* letters) {
    auto mask = [](__m128i x) { return static_cast<uint32_t>(_mm_movemask_epi8(x)); };
    const uint32_t lead = mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC3))));
    // 0x80 to 0xBF, which are -128 to -65 as signed bytes.
    const uint32_t follow = mask(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
    const uint32_t signs =
        mask(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0x97))),
                          _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xB7)))));
    if ((lead | follow) != high || follow != (lead << 1) || (signs & follow) != 0) return false;
    *letters = lead | follow;
    return true;
  }

  // The first letter or digit of a word is one that follows a space, or the start of the stream
  // while no word is open, through nothing but other characters (punctuation): adding "after a
  // space" to the mask of those characters carries each such run over to where it ends, which
  // is a word's first letter when that is where it stops. `letters` marks bytes of letters
  // beyond ASCII; a letter's second byte is never a word's first, as its first byte is a letter.
  void feed16(__m128i v, uint32_t letters) {
    auto between = [&](__m128i x, char lo, char hi) {  // signed compares: all bytes are ASCII
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                           _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i word = _mm_or_si128(between(v, '0', '9'), between(lower, 'a', 'z'));
    const SpaceMasks whitespace = space_masks(v);
    const uint32_t spaces = whitespace.spaces | whitespace.others;
    const uint32_t words = static_cast<uint32_t>(_mm_movemask_epi8(word)) | letters;
    const uint32_t others = ~(spaces | words) & 0xFFFFu;
    const uint32_t reach = ((spaces << 1) | (counted_ ? 0u : 1u)) + others;
    words_ += bits_set(reach & words);
    // Open at the end: a word that has its letter, or a run still carried past the last byte.
    counted_ = (spaces & 0x8000u) == 0 && (reach & 0x10000u) == 0;
  }
#endif

  enum : uint8_t { kOther, kSpace, kWord, kLead };
  // The class of each byte: is_space, an ASCII letter or digit, the lead byte of a longer
  // character (whose code point decides), or anything else.
  static constexpr std::array<uint8_t, 256> kClass = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
      if (is_space(static_cast<char>(c))) {
        t[c] = kSpace;
      } else if (c < 0x80 && is_word_code_point(static_cast<uint32_t>(c))) {
        t[c] = kWord;
      } else if (c >= 0xC0) {
        t[c] = kLead;
      }
    }
    return t;
  }();

  size_t words_ = 0;
  bool counted_ = false;  // the word being read has been counted
};

// The visible text of one block with runs of whitespace collapsed to one space and no space at
// either end, so it serves as a heading's text, a summary and a line of plain text alike.
class TextCollector {
 public:
  void clear() {
    text_.clear();
    pending_ = '\0';
  }

  // Words joined by one separator: the pending one (a cell's tab) or a space for any run of
  // whitespace. Words already joined by a single space go in as one piece.
  void append(std::string_view s) {
    if (single_spaced(s)) return append_single_spaced(s);
    size_t i = 0;
    while (i < s.size()) {
      size_t start = i;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i > start && !text_.empty() && pending_ == '\0') pending_ = ' ';
      if (i == s.size()) return;
      start = i;
      while (i < s.size() &&
             (!is_space(s[i]) || (s[i] == ' ' && i + 1 < s.size() && !is_space(s[i + 1])))) {
        ++i;
      }
      if (pending_ != '\0') text_ += pending_;
      pending_ = '\0';
      text_.append(s.data() + start, i - start);
    }
  }

  // Table cells are kept apart by a tab: whitespace to a sentence splitter, yet still a column.
  void separate_cell() {
    if (!text_.empty()) pending_ = '\t';
  }

  const std::string& text() const { return text_; }

 private:
  // Whether the only whitespace in `s` is single spaces: what most text nodes are. Sixteen bytes
  // are looked at a time where SSE2 is there.
  static bool single_spaced(std::string_view s) {
    size_t i = 0;
    bool after_space = false;
#if defined(__SSE2__)
    for (; i + 16 <= s.size(); i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      const auto [spaces, others] = space_masks(v);
      if (others != 0) return false;
      if ((spaces & ((spaces << 1) | (after_space ? 1u : 0u))) != 0) return false;
      after_space = (spaces & 0x8000u) != 0;
    }
#endif
    for (; i < s.size(); ++i) {
      if (s[i] == ' ') {
        if (after_space) return false;
        after_space = true;
      } else if (is_space(s[i])) {
        return false;
      } else {
        after_space = false;
      }
    }
    return true;
  }

  // append() of a single-spaced piece: a space at either end is a separator, the rest one run.
  void append_single_spaced(std::string_view s) {
    if (s.starts_with(' ')) {
      if (!text_.empty() && pending_ == '\0') pending_ = ' ';
      s.remove_prefix(1);
    }
    if (s.empty()) return;
    const bool space_after = s.ends_with(' ');
    if (space_after) s.remove_suffix(1);
    if (pending_ != '\0') text_ += pending_;
    pending_ = space_after ? ' ' : '\0';
    text_.append(s);
  }

  std::string text_;
  char pending_ = '\0';
};

// ---------------------------------------------------------------------------------------------
// Links

// cmark drops these schemes itself, but only when written in one piece; "java&#x09;script:"
// reaches the page as "java%09script:". Dropping any scheme that spells a dangerous one once ASCII
// whitespace and control characters are removed keeps the rule independent of cmark's scanner.
bool is_dangerous_destination(std::string_view url) {
  std::string scheme;
  bool obfuscated = false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      obfuscated = true;
      continue;
    }
    if (c == ':') break;
    if (scheme.size() == 10) return false;
    scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  if (scheme == "javascript" || scheme == "vbscript" || scheme == "file") return true;
  // Plain data: is left to cmark, which allows the image types; an obfuscated one never is.
  return scheme == "data" && obfuscated;
}

// The text of a link that shows its own destination (a bare or <angle> autolink), else empty.
std::string_view autolink_text(cmark_node* link) {
  cmark_node* child = link->first_child;
  if (child == nullptr || child->next != nullptr || type_of(child) != CMARK_NODE_TEXT) return {};
  std::string_view text = literal_of(child);
  if (text.empty()) return {};
  // The autolinker adds "mailto:" to e-mail addresses and "http://" to www. addresses.
  std::string_view url = url_of(link);
  if (url.size() > text.size() && url.ends_with(text)) {
    url.remove_suffix(text.size());
    if (url == "mailto:" || url == "http://") return text;
  }
  return url == text ? text : std::string_view();
}

// Whether the link or image `node` starts at line[byte]: its '[' or "![", or for an autolink its
// text, bare or after '<'.
bool opens_at(cmark_node* node, std::string_view line, long byte) {
  if (byte < 0 || static_cast<size_t>(byte) >= line.size()) return false;
  std::string_view rest = line.substr(static_cast<size_t>(byte));
  if (type_of(node) == CMARK_NODE_IMAGE) return rest.starts_with("![");
  std::string_view autolink = autolink_text(node);
  if (autolink.empty()) return rest.starts_with('[');
  if (rest.starts_with('<') || rest.starts_with('[')) rest.remove_prefix(1);
  return rest.starts_with(autolink);
}

// cmark's column for a node, corrected where cmark 0.29 is known to be off: a www. autolink
// reports one column early and an <autolink> a meaningless one, while its text's is right.
int reported_column(cmark_node* node) {
  int column = cmark_node_get_start_column(node);
  if (type_of(node) != CMARK_NODE_LINK || cmark_node_get_start_line(node) <= 0) {
    return column;
  }
  std::string_view autolink = autolink_text(node);
  if (autolink.empty()) return column;
  if (url_of(node).starts_with("http://www.") && autolink.starts_with("www.")) {
    return column + 1;
  }
  // The '<' (or the '[' of "[https://x.nl](https://x.nl)") comes right before the text.
  int text_column = cmark_node_get_start_column(cmark_node_first_child(node));
  return text_column > 0 ? text_column - 1 : column;
}

// cmark's line for a node. A link gets the line of its "](" (with the column of its '['); the
// text right after the '[' tells the line it opens on, or else the breaks within it do.
int reported_line(cmark_node* node, cmark_node_type type) {
  int line = cmark_node_get_start_line(node);
  if (line <= 0 || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE)) return line;
  cmark_node* child = cmark_node_first_child(node);
  if (child == nullptr) return line;
  if (int child_line = cmark_node_get_start_line(child); child_line > 0) {
    return std::min(line, child_line);
  }
  for (; child != nullptr; child = child->next) {
    cmark_node_type child_type = type_of(child);
    if (child_type == CMARK_NODE_SOFTBREAK || child_type == CMARK_NODE_LINEBREAK) --line;
  }
  return line;
}

// Finds where in the file links and images start, following the inline nodes of one block in
// document order. cmark-gfm 0.29 positions inlines loosely: columns are right on a block's first
// line only, further lines count from where that line's text starts (after the containers'
// markers, and after the indentation unless the line is lazy), a backslash line break or a
// title over two lines leaves the line count behind, link reference definitions at the start
// of a paragraph are not counted at all and bare autolinks have no position. So the line comes
// from counting line breaks, the column from the distance to the line's first node, and every
// result is checked against the source, which is searched when the check fails.
class LinkLocator {
 public:
  explicit LinkLocator(const SourceLines& lines) : lines_(lines) {}

  // `absolute` for table rows, whose inline columns cmark gets right.
  void begin_block(cmark_node* block, bool absolute);
  // Called for every inline node on entering it, links included, before locate().
  void visit(cmark_node* node, cmark_node_type type);
  // The 1-based line and the byte in it where `link` starts: its '[', "![", '<' or, for a bare
  // autolink, its first character.
  std::pair<int, size_t> locate(cmark_node* link);

 private:
  int reference_definition_lines(cmark_node* paragraph) const;
  int first_column_on_line(cmark_node* node, cmark_node_type type) const;
  std::optional<size_t> guess_column(cmark_node* node) const;
  std::optional<std::pair<int, size_t>> search(cmark_node* node) const;

  const SourceLines& lines_;
  int start_line_ = 0;
  int end_line_ = 0;
  bool first_line_absolute_ = false;  // cmark's columns are right on the current line
  bool absolute_ = false;
  int current_line_ = 0;    // the line of the node being visited
  int skew_ = 0;            // the real line minus cmark's, as of the current line's first node
  bool line_start_ = true;  // the next positioned node is the first on its line
  std::pair<int, int> line_begin_{0, 0};      // a line and cmark's column for its first node
  std::pair<int, size_t> search_from_{0, 0};  // just past the last link found
};

void LinkLocator::begin_block(cmark_node* block, bool absolute) {
  start_line_ = cmark_node_get_start_line(block);
  end_line_ = cmark_node_get_end_line(block);
  // A setext heading, too, can start with link reference definitions.
  int shift = absolute ? 0 : reference_definition_lines(block);
  first_line_absolute_ = shift == 0;
  absolute_ = absolute;
  current_line_ = start_line_ + shift;
  skew_ = shift;
  line_start_ = true;
  line_begin_ = {0, 0};
}

// Counts the lines of link reference definitions at the start of a paragraph: those that look
// like one, but no more than the inlines' last line falls short of the paragraph's last line
// (which may be too many, as cmark also loses lines to backslash breaks).
int LinkLocator::reference_definition_lines(cmark_node* paragraph) const {
  int first = cmark_node_get_start_line(paragraph);
  int last = cmark_node_get_end_line(paragraph);
  auto looks_like_definition = [](std::string_view text) {
    size_t close = text.find("]:");
    return text.starts_with('[') && close != std::string_view::npos && close > 1;
  };
  std::string_view line = lines_.line(first);
  line.remove_prefix(std::min(line.size(), size_t(cmark_node_get_start_column(paragraph) - 1)));
  int count = 0;
  while (first + count < last && looks_like_definition(line)) {
    ++count;
    line = lines_.line(first + count);
    line.remove_prefix(first_content_byte(line));
  }
  if (count == 0) return 0;
  int max_line = first;
  for (cmark_node* node = paragraph; node != nullptr;
       node = next_in_document_order(node, paragraph)) {
    max_line = std::max(max_line, node->start_line);
  }
  return std::min(count, last - max_line);
}

void LinkLocator::visit(cmark_node* node, cmark_node_type type) {
  if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
    ++current_line_;
    line_start_ = true;
    return;
  }
  int line = reported_line(node, type);
  if (line <= 0) return;
  if (line_start_) {
    skew_ = current_line_ - line;
    line_begin_ = {current_line_, first_column_on_line(node, type)};
    line_start_ = false;
  }
  current_line_ = line + skew_;
}

// cmark's column for the first node on the current line, as if it were that of the line's first
// non-blank character. A code span's column is that of its text, past the backticks; a text can
// start with blanks that cmark failed to strip (after link reference definitions).
int LinkLocator::first_column_on_line(cmark_node* node, cmark_node_type type) const {
  int column = reported_column(node);
  if (type == CMARK_NODE_TEXT) {
    std::string_view text = literal_of(node);
    return column + static_cast<int>(std::min(text.find_first_not_of(" \t"), text.size()));
  }
  if (type != CMARK_NODE_CODE) return column;
  std::string_view line = lines_.line(current_line_);
  line.remove_prefix(std::min(line.size(), first_content_byte(line)));
  return column - static_cast<int>(std::min(line.find_first_not_of('`'), line.size()));
}

std::pair<int, size_t> LinkLocator::locate(cmark_node* link) {
  std::pair<int, size_t> found{current_line_, 0};
  if (std::optional<size_t> byte = guess_column(link)) {
    found.second = *byte;
  } else if (auto searched = search(link)) {
    skew_ += searched->first - current_line_;
    current_line_ = searched->first;
    found = *searched;
  } else {
    found.second = first_content_byte(lines_.line(current_line_));  // nothing better known
  }
  // Past the '[' (or "![") so that the next search finds a following link or a nested image.
  search_from_ = {found.first, found.second + (type_of(link) == CMARK_NODE_IMAGE ? 2 : 1)};
  return found;
}

std::optional<size_t> LinkLocator::guess_column(cmark_node* node) const {
  if (cmark_node_get_start_line(node) <= 0) return std::nullopt;
  std::string_view line = lines_.line(current_line_);
  int reported = reported_column(node);
  long byte = reported - 1;
  if (!absolute_ && !(first_line_absolute_ && current_line_ == start_line_)) {
    if (line_begin_.first != current_line_) return std::nullopt;
    byte = static_cast<long>(first_content_byte(line)) + (reported - line_begin_.second);
  }
  if (!opens_at(node, line, byte)) return std::nullopt;
  return static_cast<size_t>(byte);
}

// Looks for the link's opener from the current line to the block's end, then before it.
std::optional<std::pair<int, size_t>> LinkLocator::search(cmark_node* node) const {
  std::string_view autolink = autolink_text(node);
  auto search_line = [&](int number) -> std::optional<size_t> {
    std::string_view line = lines_.line(number);
    size_t from = search_from_.first == number ? search_from_.second : 0;
    if (from > line.size()) return std::nullopt;
    size_t found;
    if (type_of(node) == CMARK_NODE_IMAGE) {
      found = line.find("![", from);
    } else if (!autolink.empty()) {
      found = line.find(autolink, from);
      if (found != std::string_view::npos && found > 0 &&
          (line[found - 1] == '<' || line[found - 1] == '[')) {
        --found;
      }
    } else {
      found = line.find('[', from);
    }
    return found == std::string_view::npos ? std::nullopt : std::optional<size_t>(found);
  };
  int last = std::max(current_line_, end_line_);
  for (int line = current_line_; line <= last; ++line) {
    if (auto byte = search_line(line)) return std::pair<int, size_t>(line, *byte);
  }
  for (int line = start_line_; line < current_line_; ++line) {
    if (auto byte = search_line(line)) return std::pair<int, size_t>(line, *byte);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Block directives: {{< name key="value" >}}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

class DirectiveScanner {
 public:
  explicit DirectiveScanner(std::string_view s) : s_(s) {}

  // Names may use capitals so that "{{< Contact >}}" is reported as unknown rather than ignored.
  std::string_view name() {
    return take_while([](char c) { return is_name_char(c) || (c >= 'A' && c <= 'Z'); });
  }
  std::string_view key() { return take_while(is_name_char); }

  bool skip_spaces() {
    size_t start = pos_;
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
    return pos_ > start;
  }
  bool consume(char c) {
    if (pos_ >= s_.size() || s_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  std::optional<std::string_view> quoted() {
    if (!consume('"')) return std::nullopt;
    size_t end = s_.find('"', pos_);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view value = s_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return value;
  }
  bool at_end() const { return pos_ == s_.size(); }

 private:
  template <typename Pred>
  std::string_view take_while(Pred pred) {
    size_t start = pos_;
    while (pos_ < s_.size() && pred(s_[pos_])) ++pos_;
    return s_.substr(start, pos_ - start);
  }

  std::string_view s_;
  size_t pos_ = 0;
};

// Parses the whole of `text` as one directive; nullopt when it is anything else or malformed.
std::optional<BlockDirective> parse_directive(std::string_view text) {
  if (!text.starts_with("{{<") || !text.ends_with(">}}") || text.size() < 6) return std::nullopt;
  DirectiveScanner scan(text.substr(3, text.size() - 6));
  scan.skip_spaces();
  BlockDirective directive;
  directive.name = scan.name();
  if (directive.name.empty()) return std::nullopt;
  while (true) {
    bool spaced = scan.skip_spaces();
    if (scan.at_end()) return directive;
    if (!spaced) return std::nullopt;
    std::string_view key = scan.key();
    if (key.empty() || !scan.consume('=')) return std::nullopt;
    std::optional<std::string_view> value = scan.quoted();
    if (!value) return std::nullopt;
    directive.args[std::string(key)] = std::string(*value);  // a repeated key: the last one wins
  }
}

// ---------------------------------------------------------------------------------------------
// Inline directives: {{< name key="value" >}} inside a line of text.
//
// Before the parse, each one is overwritten, in a copy of the text, by a placeholder of the same
// length: kMark, its number, then kMark up to the length. Every line and column cmark-gfm reports
// stays true, and the mark, a control character no editor types, passes through cmark-gfm as
// text. After the render the placeholders are swapped for what the handler gave.

constexpr char kMark = '\x1A';

class InlineDirectives {
 public:
  // The text to parse: `text` itself, or `storage` when a directive was replaced.
  std::string_view substitute(std::string_view text, const Options& options, std::string* storage);
  // Puts each replacement's HTML (or plain text) back in place of its placeholder; with `keys`,
  // lists the key of each, in that order.
  void restore(std::string* s, bool html, std::vector<std::string>* keys = nullptr) const;
  bool empty() const { return replacements_.empty(); }

 private:
  void substitute_line(std::string_view text, std::string_view line, int line_number,
                       const Options& options, std::string* storage);
  std::vector<InlineReplacement> replacements_;
};

std::string_view InlineDirectives::substitute(std::string_view text, const Options& options,
                                              std::string* storage) {
  if (!options.handle_inline || text.find("{{<") == std::string_view::npos) return text;
  SourceLines lines(text);
  for (int n = 1; n <= lines.count(); ++n) {
    std::string_view line = lines.line(n);
    if (line.find("{{<") == std::string_view::npos) continue;
    if (parse_directive(trim(line))) continue;  // alone on its line: a block directive
    substitute_line(text, line, n + options.first_line - 1, options, storage);
  }
  return storage->empty() ? text : std::string_view(*storage);
}

void InlineDirectives::substitute_line(std::string_view text, std::string_view line,
                                       int line_number, const Options& options,
                                       std::string* storage) {
  const size_t offset = static_cast<size_t>(line.data() - text.data());
  for (size_t start = line.find("{{<"); start != std::string_view::npos;
       start = line.find("{{<", start + 3)) {
    size_t end = line.find(">}}", start);
    if (end == std::string_view::npos) return;
    std::string_view written = line.substr(start, end + 3 - start);
    std::optional<BlockDirective> directive = parse_directive(written);
    if (!directive) continue;
    directive->line = line_number;
    directive->column = character_column(line, start);
    std::optional<InlineReplacement> replacement = options.handle_inline(*directive);
    if (!replacement) continue;
    std::string placeholder = kMark + std::to_string(replacements_.size());
    placeholder.resize(written.size(), kMark);
    replacements_.push_back(std::move(*replacement));
    if (storage->empty()) storage->assign(text);
    storage->replace(offset + start, written.size(), placeholder);
  }
}

void InlineDirectives::restore(std::string* s, bool html, std::vector<std::string>* keys) const {
  if (replacements_.empty() || s->find(kMark) == std::string::npos) return;
  std::string out;
  out.reserve(s->size());
  size_t i = 0;
  while (i < s->size()) {
    size_t mark = s->find(kMark, i);
    if (mark == std::string::npos) break;
    out.append(*s, i, mark - i);
    size_t j = mark + 1, number = 0;
    while (j < s->size() && (*s)[j] >= '0' && (*s)[j] <= '9')
      number = number * 10 + ((*s)[j++] - '0');
    while (j < s->size() && (*s)[j] == kMark) ++j;
    if (j > mark + 1 && number < replacements_.size()) {
      out += html ? replacements_[number].html : replacements_[number].text;
      if (keys) keys->push_back(replacements_[number].key);
    }
    i = j;
  }
  out.append(*s, i);
  *s = std::move(out);
}

// ---------------------------------------------------------------------------------------------
// The renderer: one parse, one walk over the tree, a few node replacements, one HTML render.

class Renderer {
 public:
  Renderer(std::string_view text, const Options& options) : text_(text), options_(options) {}

  Rendered run();

 private:
  struct PendingHeading {
    cmark_node* node;
    int level;
  };

  void walk(cmark_node* document);
  bool enter(cmark_node* node);
  void leave(cmark_node* node);
  void enter_inline(cmark_node* node, cmark_node_type type);

  bool replace_directive(cmark_node* paragraph);
  void begin_block(cmark_node* node, bool absolute);
  void end_block(cmark_node* node);
  void visit_link(cmark_node* node);
  void catch_up_to(cmark_node* link);

  std::string unique_id(std::string base);
  void give_heading_ids();
  void apply_tree_changes();
  void render_with_cmark(cmark_parser* parser, cmark_node* document, int options);

  const SourceLines& lines() {
    if (!lines_) lines_.emplace(text_);
    return *lines_;
  }
  int file_line(int line) const { return line + options_.first_line - 1; }

  std::string_view text_;
  const Options& options_;
  Rendered result_;

  std::optional<SourceLines> lines_;
  std::optional<LinkLocator> locator_;  // only when links are rewritten
  // The locator follows a block's inline nodes only when the block has a link, from its start up
  // to each link in turn: most blocks have none.
  cmark_node* block_ = nullptr;
  bool block_absolute_ = false;
  cmark_node* caught_up_ = nullptr;  // the last node the locator visited, if it started
  bool catching_up_ = false;
  WordCounter words_;
  // The text of the current block is kept only where it is used: headings, the first top-level
  // paragraph (the summary) and, for readability checks, every block.
  bool collecting_ = false;
  TextCollector collector_;
  int image_depth_ = 0;
  bool has_footnotes_ = false;
  bool may_drop_links_ =
      false;  // a destination that may render as href="" (see unwrap_dropped_links)

  std::unordered_set<std::string> used_ids_;
  std::vector<PendingHeading> headings_;
  std::vector<std::pair<cmark_node*, std::string>> directives_;
  std::vector<NodePtr> detached_;  // replaced headings; their text still points into them
  InlineDirectives inline_;
  HtmlWriter html_;  // the HTML, written along the walk, unless the text holds what it leaves out
  std::string substituted_;   // the text with inline directives replaced, when it has any
  cmark_mem* mem_ = nullptr;  // the document's allocator: new nodes must come from it too
};

Rendered Renderer::run() {
  // Declared first, so it ends last: everything below lives in it.
  ArenaLease lease;
  mem_ = lease.mem();
  text_ = inline_.substitute(text_, options_, &substituted_);
  // The same HTML as with every option and extension, less work where the text needs fewer.
  TextNeeds needs = needs_of(text_);
  if (needs.footnotes && find_caret_reference_after_bracket(text_) != std::string_view::npos) {
    needs.footnotes = false;  // cmark-gfm would read past a buffer (see the function)
  }
  const int options = cmark_options(needs);
  const ChosenExtensions extensions = extensions_for(needs);
  ParserPtr parser = new_parser(extensions.list, options, options_.input_is_valid_utf8, mem_);
  NodePtr document;
  {
    std::unique_lock<std::mutex> lock(parse_mutex(), std::defer_lock);
    if (!parallel_parsing_is_safe()) lock.lock();
    AutolinkCharacters lease(extensions.inline_autolinks);
    cmark_parser_feed(parser.get(), text_.data(), text_.size());
    document.reset(cmark_parser_finish(parser.get()));
  }
  if (options_.rewrite_link) locator_.emplace(lines());
  walk(document.get());
  result_.word_count = words_.count();
  if (!inline_.empty()) {
    for (Heading& heading : result_.headings) inline_.restore(&heading.text, false);
    inline_.restore(&result_.summary, false);
    inline_.restore(&result_.plain_text, false);
  }
  give_heading_ids();
  std::vector<std::string_view> ids;
  for (const Heading& heading : result_.headings) ids.push_back(heading.id);
  if (std::optional<std::string> html = html_.take(ids)) {
    result_.html = std::move(*html);
  } else {
    render_with_cmark(parser.get(), document.get(), options);
  }
  inline_.restore(&result_.html, true, &result_.inline_keys);
  // Both search the whole page, so only where there can be something to find; HTML from a block
  // directive may hold an empty href of its own.
  if (has_footnotes_) translate_footnote_labels(&result_.html, options_.footnote_back_label);
  if (may_drop_links_ || !directives_.empty()) unwrap_dropped_links(&result_.html);
  if (lease.is_arena()) {
    // The arena takes all of it back at once.
    (void)parser.release();
    (void)document.release();
    for (NodePtr& node : detached_) (void)node.release();
  }
  return std::move(result_);
}

void Renderer::walk(cmark_node* document) {
  walk_tree(
      document, [this](cmark_node* node) { return enter(node); },
      [this](cmark_node* node) { leave(node); });
}

// False when the node's children are to be skipped.
bool Renderer::enter(cmark_node* node) {
  cmark_node_type type = type_of(node);
  if (type == CMARK_NODE_PARAGRAPH) {
    if (replace_directive(node)) {
      html_.replace(node, directives_.back().second);
      return false;  // its text is gone
    }
    begin_block(node, false);
  } else if (type == CMARK_NODE_HEADING) {
    begin_block(node, false);
  } else if (type == CMARK_NODE_TABLE_ROW) {
    begin_block(node, true);
  } else if (type == CMARK_NODE_TABLE_CELL) {
    words_.end_word();
    if (collecting_) collector_.separate_cell();
  } else if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE) {
    enter_inline(node, type);
  }
  html_.enter(node);  // after visit_link, which may have changed a destination
  return true;
}

void Renderer::leave(cmark_node* node) {
  cmark_node_type type = type_of(node);
  if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_TABLE_ROW) {
    end_block(node);
  } else if (type == CMARK_NODE_IMAGE) {
    --image_depth_;
  }
  html_.leave(node);
}

// Word count and plain text take text and code spans, the words a reader sees in the flow of a
// sentence. Code blocks, raw HTML (never shown), destinations and image alt text are left out;
// an autolink's text is its URL and counts as one word.
void Renderer::enter_inline(cmark_node* node, cmark_node_type type) {
  switch (type) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      if (image_depth_ == 0) {
        std::string_view text = literal_of(node);
        words_.feed(text);
        if (collecting_) collector_.append(text);
      }
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      words_.end_word();
      if (collecting_) collector_.append(" ");
      break;
    case CMARK_NODE_LINK:
      visit_link(node);
      break;
    case CMARK_NODE_IMAGE:
      visit_link(node);
      ++image_depth_;
      break;
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      has_footnotes_ = true;
      break;
    default:
      break;
  }
}

bool Renderer::replace_directive(cmark_node* paragraph) {
  if (!options_.handle_block) return false;
  // Cheap test first: nearly every paragraph fails it, before any source line is looked at.
  cmark_node* first = paragraph->first_child;
  if (first == nullptr || type_of(first) != CMARK_NODE_TEXT ||
      !literal_of(first).starts_with("{{")) {
    return false;
  }
  int line = cmark_node_get_start_line(paragraph);
  if (line != cmark_node_get_end_line(paragraph)) return false;
  // The source, not the inlines: a value may hold '_', '*' or a URL the autolinker would take.
  std::string_view source = lines().line(line);
  size_t start = static_cast<size_t>(cmark_node_get_start_column(paragraph) - 1);
  if (start >= source.size()) return false;
  std::optional<BlockDirective> directive = parse_directive(trim(source.substr(start)));
  if (!directive) return false;
  directive->line = file_line(line);
  directive->column = character_column(source, start);
  std::optional<std::string> html = options_.handle_block(*directive);
  if (!html) return false;
  directives_.emplace_back(paragraph, std::move(*html));
  return true;
}

void Renderer::begin_block(cmark_node* node, bool absolute) {
  block_ = node;
  block_absolute_ = absolute;
  catching_up_ = false;
  cmark_node_type type = type_of(node);
  collecting_ = options_.want_plain_text || type == CMARK_NODE_HEADING ||
                (type == CMARK_NODE_PARAGRAPH && result_.summary.empty() &&
                 type_of(node->parent) == CMARK_NODE_DOCUMENT);
  collector_.clear();
}

void Renderer::end_block(cmark_node* node) {
  words_.end_word();
  const std::string& text = collector_.text();
  cmark_node_type type = type_of(node);
  if (type == CMARK_NODE_HEADING) {
    Heading heading;
    heading.level = cmark_node_get_heading_level(node);
    heading.text = text;
    heading.line = file_line(cmark_node_get_start_line(node));
    headings_.push_back({node, heading.level});
    result_.headings.push_back(std::move(heading));
  } else if (type == CMARK_NODE_PARAGRAPH && result_.summary.empty() && !text.empty() &&
             type_of(node->parent) == CMARK_NODE_DOCUMENT) {
    result_.summary = text;
  }
  if (options_.want_plain_text && !text.empty()) {
    result_.plain_text += text;
    result_.plain_text += '\n';
  }
}

// Visits the block's inline nodes in document order, from where the last call stopped up to and
// including `link`.
void Renderer::catch_up_to(cmark_node* link) {
  cmark_node* node = block_;
  if (!catching_up_) {
    catching_up_ = true;
    locator_->begin_block(block_, block_absolute_);
  } else if (caught_up_ == nullptr) {
    return;  // the block is done
  } else {
    node = next_in_document_order(caught_up_, block_);
  }
  for (; node != nullptr; node = next_in_document_order(node, block_)) {
    cmark_node_type type = type_of(node);
    if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE) locator_->visit(node, type);
    if (node == link) break;
  }
  caught_up_ = node;
}

void Renderer::visit_link(cmark_node* node) {
  if (locator_) {
    catch_up_to(node);
    auto [line, byte] = locator_->locate(node);
    int column = character_column(lines().line(line), byte);
    std::optional<std::string> replacement =
        options_.rewrite_link(std::string(url_of(node)), file_line(line), column);
    if (replacement) cmark_node_set_url(node, replacement->c_str());
  }
  if (is_dangerous_destination(url_of(node))) cmark_node_set_url(node, "");
  // cmark-gfm renders an empty destination, and drops the schemes it deems unsafe, as href="".
  std::string_view url = url_of(node);
  if (url.empty() || url.find(':') != std::string_view::npos) may_drop_links_ = true;
}

std::string Renderer::unique_id(std::string base) {
  const std::string& fallback = options_.fallback_heading_id;
  if (base.empty()) base = fallback;
  // cmark names footnotes "fn-<label>" and "fnref-<label>"; a heading must not take such an id.
  if (has_footnotes_ && (base.starts_with("fn-") || base.starts_with("fnref-"))) {
    base.insert(0, fallback + "-");
  }
  if (used_ids_.insert(base).second) return base;
  for (int n = 1;; ++n) {
    std::string candidate = base + "-" + std::to_string(n);
    if (used_ids_.insert(candidate).second) return candidate;
  }
}

// Ids are given after the walk because a footnote anywhere in the text changes them.
void Renderer::give_heading_ids() {
  for (Heading& heading : result_.headings) heading.id = unique_id(slugify(heading.text));
}

// What HtmlWriter leaves out: the tree, changed for the heading ids and block directives, through
// cmark-gfm's renderer.
void Renderer::render_with_cmark(cmark_parser* parser, cmark_node* document, int options) {
  apply_tree_changes();
  char* html = cmark_render_html_with_mem(document, options,
                                          cmark_parser_get_syntax_extensions(parser), mem_);
  result_.html.assign(html);
  mem_->free(html);
}

// A heading becomes a custom block holding a custom inline that writes the tags: a custom block
// alone would put the heading's text on a line of its own.
void Renderer::apply_tree_changes() {
  for (size_t i = 0; i < headings_.size(); ++i) {
    const PendingHeading& pending = headings_[i];
    const std::string& id = result_.headings[i].id;
    std::string level = std::to_string(pending.level);
    cmark_node* block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, mem_);
    cmark_node* tags = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, mem_);
    cmark_node_set_on_enter(tags, ("<h" + level + " id=\"" + id + "\">").c_str());
    cmark_node_set_on_exit(tags, ("</h" + level + ">").c_str());
    while (cmark_node* child = cmark_node_first_child(pending.node)) {
      cmark_node_unlink(child);
      cmark_node_append_child(tags, child);
    }
    cmark_node_append_child(block, tags);
    cmark_node_replace(pending.node, block);
    detached_.emplace_back(pending.node);
  }
  for (auto& [paragraph, html] : directives_) {
    cmark_node* block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, mem_);
    cmark_node_set_on_enter(block, html.c_str());
    cmark_node_replace(paragraph, block);
    cmark_node_free(paragraph);
  }
}

}  // namespace

Rendered render(std::string_view text, const Options& options) {
  return Renderer(text, options).run();
}

namespace {

// Whether the '#' at `at` belongs to the opening run of an ATX heading: up to three spaces from
// the start of its line, at most six '#', then a space, a tab or the end of the line.
bool in_heading_mark(std::string_view text, size_t at) {
  size_t line = text.rfind('\n', at);
  line = line == std::string_view::npos ? 0 : line + 1;
  size_t start = line;
  while (start < at && start - line < 3 && text[start] == ' ') ++start;
  size_t end = start;
  while (end < text.size() && text[end] == '#') ++end;
  if (at < start || at >= end || end - start > 6) return false;
  return end == text.size() || text[end] == ' ' || text[end] == '\t' || text[end] == '\n' ||
         text[end] == '\r';
}

}  // namespace

bool may_hold_footnotes(std::string_view text) {
  return text.find('^') != std::string_view::npos || text.find("&#") != std::string_view::npos ||
         text.find("&Hat;") != std::string_view::npos;
}

size_t find_caret_reference_after_bracket(std::string_view text) {
  for (size_t at = text.find("[&"); at != std::string_view::npos; at = text.find("[&", at + 1)) {
    std::string_view rest = text.substr(at + 2);
    if (rest.starts_with("Hat;")) return at;
    if (!rest.starts_with("#")) continue;
    rest.remove_prefix(1);
    const bool hex = !rest.empty() && (rest[0] == 'x' || rest[0] == 'X');
    if (hex) rest.remove_prefix(1);
    // Any number of digits, then ';': more than cmark-gfm reads as a reference, which at worst
    // turns footnotes off for nothing.
    unsigned long value = 0;
    size_t digits = 0;
    for (; digits < rest.size(); ++digits) {
      const char c = rest[digits];
      int digit = c >= '0' && c <= '9'          ? c - '0'
                  : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                : -1;
      if (digit < 0) break;
      value = std::min(value * (hex ? 16 : 10) + static_cast<unsigned long>(digit), 0x110000ul);
    }
    if (digits > 0 && digits < rest.size() && rest[digits] == ';' && value == '^') return at;
  }
  return std::string_view::npos;
}

bool defines_footnote(std::string_view text) {
  for (size_t at = text.find("[^"); at != std::string_view::npos; at = text.find("[^", at + 1)) {
    size_t line_end = text.find('\n', at);
    if (text.substr(at, line_end == std::string_view::npos ? line_end : line_end - at).find("]:") !=
        std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool may_link_to_anchors(std::string_view text) {
  if (text.find("&#") != std::string_view::npos || text.find("&num") != std::string_view::npos)
    return true;
  for (size_t at = text.find('#'); at != std::string_view::npos; at = text.find('#', at + 1)) {
    if (!in_heading_mark(text, at)) return true;
  }
  return false;
}

}  // namespace wegwijzer::markdown
