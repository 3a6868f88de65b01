#include "search/text_folding.h"

#include <iterator>

namespace wegwijzer::search {

namespace {

// Latin-1 letters and Latin Extended-A (U+00C0..U+017F) folded to ASCII, as ranges of code
// points that fold alike. These are the letters Dutch, its loan words and the names of places
// use; site-assets/js/zoeken.js reaches the same result through Unicode decomposition.
struct FoldRange {
  char32_t first;
  char32_t last;
  const char* to;
};
constexpr FoldRange kFoldRanges[] = {
    {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},   {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},
    {0xCC, 0xCF, "i"},   {0xD0, 0xD0, "d"},    {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},
    {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},    {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},    {0xE6, 0xE6, "ae"},  {0xE7, 0xE7, "c"},
    {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},    {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},    {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"},  {0xFF, 0xFF, "y"},    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},
    {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},
    {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},  {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},  {0x162, 0x167, "t"}, {0x168, 0x173, "u"},
    {0x174, 0x175, "w"}, {0x176, 0x178, "y"},  {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

const char* folded_letter(char32_t c) {
  if (c < kFoldRanges[0].first || c > std::end(kFoldRanges)[-1].last) return nullptr;
  for (const FoldRange& r : kFoldRanges) {
    if (c >= r.first && c <= r.last) return r.to;
  }
  return nullptr;
}

// Invisible inside a word: a soft hyphen, zero-width characters, a byte order mark, and the
// combining accents of decomposed text ("e" followed by U+0308 is "ë").
bool is_ignorable(char32_t c) {
  return c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
         (c >= 0x300 && c <= 0x36F);
}

// Decodes the code point at text[*at] and advances past it; a malformed sequence is one U+FFFD
// per byte, so every byte is consumed and offsets stay meaningful.
char32_t next_code_point(std::string_view text, size_t* at) {
  unsigned char b = static_cast<unsigned char>(text[*at]);
  int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
  if (extra == 0) {
    ++*at;
    return b;
  }
  if (extra < 0 || *at + extra >= text.size()) {
    ++*at;
    return 0xFFFD;
  }
  char32_t c = b & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) {
    unsigned char cont = static_cast<unsigned char>(text[*at + i]);
    if ((cont & 0xC0) != 0x80) {
      ++*at;
      return 0xFFFD;
    }
    c = (c << 6) | (cont & 0x3F);
  }
  *at += extra + 1;
  return c;
}

void append_folded(char32_t c, std::string* out) {
  if (c < 0x80) {  // most of the text: no ASCII character folds to more or is left out
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  } else if (const char* letters = folded_letter(c)) {
    out->append(letters);
  } else if (!is_ignorable(c)) {
    append_utf8(c, out);
  }
}

}  // namespace

void append_utf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool is_word_code_point(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F)) return false;
  if ((c >= 0xFE00 && c <= 0xFE0F) || c >= 0xFFF0) return false;  // selectors, specials, emoji
  return true;
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) append_folded(next_code_point(text, &at), &out);
  return out;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Token current;
  bool in_word = false;
  for (size_t at = 0; at < text.size();) {
    size_t start = at;
    char32_t c = next_code_point(text, &at);
    if (is_ignorable(c)) continue;  // neither part of a word nor a break in it
    if (!is_word_code_point(c)) {
      if (in_word) tokens.push_back(std::move(current));
      current = Token();
      in_word = false;
      continue;
    }
    if (!in_word) current.begin = start;
    in_word = true;
    append_folded(c, &current.word);
    current.end = at;
  }
  if (in_word) tokens.push_back(std::move(current));
  return tokens;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (Token& t : tokenize(text)) out.push_back(std::move(t.word));
  return out;
}

}  // namespace wegwijzer::search
