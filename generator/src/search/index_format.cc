#include "search/index_format.h"

#include <algorithm>

namespace wegwijzer::search {

namespace {

std::string base36(int value) {
  if (value == 0) return "0";
  std::string digits;
  for (; value > 0; value /= 36)
    digits.insert(digits.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[value % 36]);
  return digits;
}

// Bytes of the UTF-8 character starting at s[at].
size_t char_length(const std::string& s, size_t at) {
  unsigned char b = static_cast<unsigned char>(s[at]);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
  return std::min(n, s.size() - at);
}

size_t count_chars(const std::string& s) {
  size_t n = 0;
  for (size_t at = 0; at < s.size(); at += char_length(s, at)) ++n;
  return n;
}

// What one term adds to its shard's JSON: "term":"postings",
size_t term_bytes(const std::map<std::string, std::string>& encoded, const std::string& term) {
  return term.size() + encoded.at(term).size() + 6;
}

void split(const std::map<std::string, std::string>& encoded, const std::string& prefix,
           const std::vector<std::string>& terms, size_t limit, size_t max_key,
           std::vector<Shard>* out) {
  size_t bytes = 0;
  for (const std::string& term : terms) bytes += term_bytes(encoded, term);
  if (bytes <= limit || count_chars(prefix) >= max_key) {
    out->push_back({prefix, terms});
    return;
  }
  std::vector<std::string> residual;
  std::map<std::string, std::vector<std::string>> children;
  for (const std::string& term : terms) {
    if (term.size() == prefix.size()) {
      residual.push_back(term);
    } else {
      children[term.substr(0, prefix.size() + char_length(term, prefix.size()))].push_back(term);
    }
  }
  if (!residual.empty()) out->push_back({prefix, residual});
  for (const auto& [key, members] : children) split(encoded, key, members, limit, max_key, out);
}

}  // namespace

std::string encode_postings(const std::vector<Posting>& postings) {
  std::string out;
  int previous = -1;
  for (size_t i = 0; i < postings.size();) {
    size_t run = 1;
    while (i + run < postings.size() && postings[i + run].page == postings[i].page + int(run) &&
           postings[i + run].weight == postings[i].weight) {
      ++run;
    }
    if (!out.empty()) out.push_back(',');
    out += base36(postings[i].page - previous);
    if (postings[i].weight != 1) out += "." + base36(postings[i].weight);
    if (run > 1) out += "*" + base36(static_cast<int>(run));
    previous = postings[i].page + static_cast<int>(run) - 1;
    i += run;
  }
  return out;
}

std::vector<Shard> shard_terms(const std::map<std::string, std::string>& encoded,
                               size_t limit_bytes, size_t max_key_chars) {
  std::vector<std::string> terms;
  for (const auto& [term, postings] : encoded) terms.push_back(term);
  std::vector<Shard> shards;
  if (terms.empty()) return shards;
  split(encoded, "", terms, limit_bytes, max_key_chars, &shards);
  std::sort(shards.begin(), shards.end(),
            [](const Shard& a, const Shard& b) { return a.key < b.key; });
  return shards;
}

std::string shard_key_for(const std::string& term, const std::vector<std::string>& keys) {
  std::string best;
  bool found = false;
  for (const std::string& key : keys) {
    if (term.starts_with(key) && (!found || key.size() > best.size())) {
      best = key;
      found = true;
    }
  }
  return best;
}

}  // namespace wegwijzer::search
