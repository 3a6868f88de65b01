#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wegwijzer::search {

// Search compares words after folding: lowercase, diacritics removed ("cliënt" = "client",
// "ĳ" = "ij"), so a reader who cannot type "ë" still finds the page. site-assets/js/zoeken.js
// folds the query with the same rules; the two must agree letter for letter, or a query word would
// never meet its indexed form.

// Lowercases and folds one piece of UTF-8 text. Characters that are not letters or digits are
// kept as they are; invalid UTF-8 bytes become U+FFFD.
std::string fold(std::string_view text);

// A word of a text: its folded form and where it stands in the original bytes (for snippets).
struct Token {
  std::string word;
  size_t begin = 0;  // byte offset in the original text
  size_t end = 0;
};

// Splits text into words: runs of letters and digits ("113", "24/7" gives "24" and "7"). A
// hyphen, apostrophe or any punctuation separates words; a soft hyphen or zero-width space inside
// a word is dropped, as a reader never sees it.
std::vector<Token> tokenize(std::string_view text);

// The folded words only.
std::vector<std::string> words(std::string_view text);

// Appends code point `c` to `out` as UTF-8.
void append_utf8(char32_t c, std::string* out);

// True for a code point that belongs to a word (the rule tokenize applies).
bool is_word_code_point(char32_t c);

}  // namespace wegwijzer::search
