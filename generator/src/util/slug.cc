#include "util/slug.h"

#include <cstdint>

namespace wegwijzer {
namespace {

// ASCII folding for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), lower case.
// An empty entry means "not a letter we fold" and becomes a separator.
// One row per 16 code points, as the Unicode charts lay them out.
// clang-format off
const char* const kFold[] = {
    // U+00C0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00D0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    // U+00E0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    // U+0110
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // U+0120
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    // U+0130
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // U+0140
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    // U+0150
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // U+0160
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    // U+0170
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};
// clang-format on

bool is_apostrophe(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == '`';
}

// Decodes one UTF-8 character at s[i], advancing i; invalid bytes decode as U+FFFD.
uint32_t next_code_point(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80             ? 1
               : (c & 0xE0) == 0xC0 ? 2
               : (c & 0xF0) == 0xE0 ? 3
               : (c & 0xF8) == 0xF0 ? 4
                                    : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  uint32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string out;
  bool pending_hyphen = false;
  auto emit = [&](std::string_view piece) {
    if (pending_hyphen && !out.empty()) out += '-';
    pending_hyphen = false;
    out += piece;
  };
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = next_code_point(text, i);
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      char c = static_cast<char>(cp);
      emit(std::string_view(&c, 1));
    } else if (cp >= 'A' && cp <= 'Z') {
      char c = static_cast<char>(cp - 'A' + 'a');
      emit(std::string_view(&c, 1));
    } else if (cp >= 0xC0 && cp <= 0x17F && kFold[cp - 0xC0][0] != '\0') {
      emit(kFold[cp - 0xC0]);
    } else if (is_apostrophe(cp)) {
      // "'s-Gravenhage", "cliënt's": apostrophes join rather than separate.
    } else {
      pending_hyphen = true;
    }
  }
  return out;
}

}  // namespace wegwijzer
