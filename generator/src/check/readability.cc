#include "check/readability.h"

#include <cctype>

namespace wegwijzer {
namespace {

// Lower-case ASCII vowel for a byte sequence at s[i], folding the accented vowels Dutch uses
// (é, ë, ï, ...); sets `len` to the bytes consumed. Returns 0 for anything else.
char vowel_at(std::string_view s, size_t i, size_t* len) {
  *len = 1;
  unsigned char c = s[i];
  if (c < 0x80) {
    char l = static_cast<char>(std::tolower(c));
    if (l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y') return l;
    if (l == 'j' && i > 0 && std::tolower(static_cast<unsigned char>(s[i - 1])) == 'i') return 'j';
    return 0;
  }
  if (c == 0xC3 && i + 1 < s.size()) {
    *len = 2;
    unsigned char d = static_cast<unsigned char>(s[i + 1]) | 0x20;  // fold upper case
    if (d >= 0xA0 && d <= 0xA6) return 'a';
    if (d >= 0xA8 && d <= 0xAB) return 'e';
    if (d >= 0xAC && d <= 0xAF) return 'i';
    if (d >= 0xB2 && d <= 0xB6) return 'o';
    if (d >= 0xB9 && d <= 0xBC) return 'u';
    return 0;
  }
  return 0;
}

bool is_word_byte(unsigned char c) {
  return std::isalnum(c) || c >= 0x80 || c == '-' || c == '\'';
}

bool is_term(std::string_view word, const std::vector<std::string>& terms) {
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string& term : terms) {
    if (!term.empty() && lower.find(term) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

size_t dutch_syllables(std::string_view word) {
  size_t count = 0;
  bool in_vowels = false;
  for (size_t i = 0; i < word.size();) {
    size_t len;
    char v = vowel_at(word, i, &len);
    if (v) {
      // A diaeresis (cliënt, ideeën, reünie) starts a new syllable even right after a vowel.
      unsigned char second = len == 2 ? static_cast<unsigned char>(word[i + 1]) | 0x20 : 0;
      bool diaeresis =
          second == 0xA4 || second == 0xAB || second == 0xAF || second == 0xB6 || second == 0xBC;
      if (!in_vowels || diaeresis) ++count;
      in_vowels = true;
    } else {
      in_vowels = false;
    }
    i += len;
  }
  return count == 0 && !word.empty() ? 1 : count;
}

Readability measure_readability(std::string_view text, const std::vector<std::string>& terms) {
  Readability r;
  size_t words_in_sentence = 0;
  auto end_sentence = [&]() {
    if (words_in_sentence > 0) ++r.sentences;
    words_in_sentence = 0;
  };
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    if (is_word_byte(c) && c != '-' && c != '\'') {
      size_t start = i;
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
      std::string_view word = text.substr(start, i - start);
      bool has_letter = false;
      for (char ch : word)
        has_letter |=
            std::isalpha(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80;
      if (!has_letter) continue;  // numbers like 112 or 2026 are not words to read
      size_t syllables = dutch_syllables(word);
      ++r.words;
      ++words_in_sentence;
      r.syllables += syllables;
      if (syllables >= 4 && !is_term(word, terms)) ++r.long_words;
      continue;
    }
    if (c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ':' || c == ';') &&
                      (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n'))) {
      end_sentence();
    }
    ++i;
  }
  end_sentence();
  if (r.words > 0 && r.sentences > 0) {
    r.words_per_sentence = static_cast<double>(r.words) / r.sentences;
    r.long_word_share = static_cast<double>(r.long_words) / r.words;
    r.flesch_douma =
        206.835 - 0.93 * r.words_per_sentence - 77.0 * static_cast<double>(r.syllables) / r.words;
  }
  return r;
}

}  // namespace wegwijzer
