#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "search/postings.h"

namespace wegwijzer::search {

// The postings of one term as text for the browser: entries "gap[.weight][*run]" joined by ",",
// numbers in base 36. `gap` is the page index minus the previous entry's last page (the first
// entry counts from -1), `weight` is left out when it is 1, and `run` (left out when 1) repeats
// the entry for that many consecutive pages with the same weight: the pages one template makes
// sit side by side and mostly weigh alike, so "amsterdam" costs a few bytes and "huisarts" on 342
// municipality pages not many more.
std::string encode_postings(const std::vector<Posting>& postings);

// One file of terms: every term whose longest key in the index's key list is `key`.
struct Shard {
  std::string key;
  std::vector<std::string> terms;  // sorted
};

// Splits the terms (term -> encoded postings) into shards: one for all when they fit in
// `limit_bytes`, otherwise by their first letter, and a group still too big by its next letter,
// up to keys of `max_key_chars` letters. A term equal to a split key stays in that key's shard.
// Sorted by key. The browser finds a term's shard as the longest key that starts the term.
std::vector<Shard> shard_terms(const std::map<std::string, std::string>& encoded,
                               size_t limit_bytes, size_t max_key_chars);

// The key of the shard holding `term`: the longest key that `term` starts with ("" when none).
std::string shard_key_for(const std::string& term, const std::vector<std::string>& keys);

}  // namespace wegwijzer::search
