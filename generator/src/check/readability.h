#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wegwijzer {

// Readability figures of Dutch text, for warning editors when a page is harder than B1.
struct Readability {
  size_t sentences = 0;
  size_t words = 0;
  size_t syllables = 0;
  size_t long_words = 0;  // four syllables or more
  double words_per_sentence = 0;
  double long_word_share = 0;  // 0..1
  // Flesch–Douma: 206.835 - 0.93 * words per sentence - 77 * syllables per word. Higher is
  // easier; plain B1 text scores about 60 or more.
  double flesch_douma = 0;
};

// `text` holds one block (paragraph, heading, list item) per line; each line ends a sentence.
// Words containing one of `terms` (the names of the things a site is about, lower case, from
// `readability_terms` in wegwijzer.yaml) do not count as long: a page cannot avoid them.
Readability measure_readability(std::string_view text, const std::vector<std::string>& terms = {});

// Syllables of one Dutch word, counted as groups of vowels ("ij" counts as a vowel).
size_t dutch_syllables(std::string_view word);

// What B1 allows, per page.
struct ReadabilityLimits {
  double min_flesch_douma = 60;
  double max_words_per_sentence = 15;
  double max_long_word_share = 0.10;
  size_t min_words = 80;  // shorter pages give figures too noisy to judge
};

}  // namespace wegwijzer
