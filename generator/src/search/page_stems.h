#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace wegwijzer::search {

// What the index takes from one page before it looks at the others: each stem with its weight
// (search/postings.h), and the page's length in words.
struct PageStems {
  // Each stem once, with its weight on the page, in stem order: in one block, so that the index
  // reads the stems of hundreds of pages at every rebuild without chasing a node for each.
  std::vector<std::pair<std::string, int>> stems;
  int length = 0;  // heading and body words, stop words left out
};

// The stems of pages, kept from one build of the index to the next by whoever builds it again and
// again (the dev server's memo): splitting every page into words and stemming them is most of
// the index's cost, and after an edit all pages but one are the same. Keys are hashes of all that
// goes into a page's stems (search/postings.cc). Not thread-safe.
class PageStemsCache {
 public:
  // The stems kept for `key`, or null.
  const PageStems* find(uint64_t key);
  const PageStems& put(uint64_t key, PageStems stems);
  // Ends one build: what it did not ask for is forgotten.
  void end_build();
  size_t size() const { return previous_.size() + current_.size(); }
  size_t hits() const { return hits_; }  // find()s answered, for tests

 private:
  std::unordered_map<uint64_t, PageStems> previous_, current_;
  size_t hits_ = 0;
};

}  // namespace wegwijzer::search
