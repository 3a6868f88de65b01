#include "search/postings.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "search/compounds.h"
#include "search/text_folding.h"
#include "util/fingerprint.h"

namespace wegwijzer::search {

namespace {

// stem -> weight on one page. Hashed: the order of a page's stems matters nowhere (postings are
// gathered into a sorted table), and a site of hundreds of pages looks stems up millions of times.
using Counts = std::unordered_map<std::string, int>;

void count(std::string_view text, int weight, const Stemmer& stemmer,
           const std::set<std::string>& stop, Counts* counts, int* length) {
  for (const std::string& stem : stems_of(text, stemmer, stop)) {
    (*counts)[stem] += weight;
    if (length != nullptr) ++*length;
  }
}

PageStems page_stems(const Document& doc, const Stemmer& stemmer,
                     const std::set<std::string>& stop) {
  PageStems out;
  count(doc.info.title, kTitleWeight, stemmer, stop, &out.counts, nullptr);
  for (const std::string& keyword : doc.info.keywords) {
    count(keyword, kKeywordWeight, stemmer, stop, &out.counts, nullptr);
  }
  bool first_h1 = !doc.heading1.empty();
  for (const std::string& heading : doc.headings) {
    bool is_h1 = first_h1 && heading == doc.heading1;
    count(heading, is_h1 ? kHeading1Weight : kHeadingWeight, stemmer, stop, &out.counts,
          &out.length);
    if (is_h1) first_h1 = false;
  }
  count(doc.body, kBodyWeight, stemmer, stop, &out.counts, &out.length);
  return out;
}

// Everything page_stems reads: the page's words, and how they are stemmed and left out.
uint64_t page_stems_key(const Document& doc, uint64_t words_key) {
  Fingerprint h;
  h.add("words", words_key).add("title", doc.info.title);
  for (const std::string& keyword : doc.info.keywords) h.add("keyword", keyword);
  h.add("heading1", doc.heading1);
  for (const std::string& heading : doc.headings) h.add("heading", heading);
  return h.add("body", doc.body).digest();
}

uint64_t words_key(const Stemmer& stemmer, const std::set<std::string>& stop) {
  Fingerprint h;
  h.add("stemmer", stemmer.algorithm());
  for (const std::string& word : stop) h.add("stop", word);
  return h.digest();
}

bool only_letters(const std::string& word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Adds the parts of each compound stem of a page, at half the compound's weight, so that a query
// for "gedachten" also finds the page that says "zelfmoordgedachten".
void add_compound_parts(std::vector<Counts>* pages, const std::set<std::string>& extra_parts) {
  std::unordered_set<std::string> vocabulary(extra_parts.begin(), extra_parts.end());
  for (const Counts& page : *pages) {
    for (const auto& [stem, weight] : page) vocabulary.insert(stem);
  }
  auto known = [&](std::string_view part) { return vocabulary.count(std::string(part)) > 0; };
  std::unordered_map<std::string, std::vector<std::string>> parts_of;
  for (const std::string& stem : vocabulary) {
    if (!only_letters(stem)) continue;
    std::vector<std::string> parts = split_compound(stem, known);
    if (!parts.empty()) parts_of.emplace(stem, std::move(parts));
  }
  for (Counts& page : *pages) {
    Counts extra;
    for (const auto& [stem, weight] : page) {
      auto it = parts_of.find(stem);
      if (it == parts_of.end()) continue;
      for (const std::string& part : it->second) extra[part] += std::max(1, weight / 2);
    }
    for (const auto& [part, weight] : extra) page[part] += weight;
  }
}

// In a section of many pages, a word on most of them came with the template the pages share:
// it says nothing about one page, and without damping it would bury the one page written about
// that word under hundreds of near-identical ones.
void damp_template_words(const std::vector<Document>& docs, std::vector<Counts>* pages) {
  std::map<std::string, std::vector<size_t>> sections;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!docs[i].info.section.empty()) sections[docs[i].info.section].push_back(i);
  }
  for (const auto& [section, members] : sections) {
    if (members.size() < kTemplateSectionPages) continue;
    std::unordered_map<std::string, size_t> frequency;
    for (size_t i : members) {
      for (const auto& [stem, weight] : (*pages)[i]) ++frequency[stem];
    }
    for (size_t i : members) {
      for (auto& [stem, weight] : (*pages)[i]) {
        if (frequency[stem] * 2 > members.size()) weight = std::max(1, weight / kTemplateDamping);
      }
    }
  }
}

}  // namespace

std::vector<std::string> stems_of(std::string_view text, const Stemmer& stemmer,
                                  const std::set<std::string>& stop) {
  std::vector<std::string> out;
  for (const std::string& word : words(text)) {
    // A lone letter ("s" of "'s avonds") is no word to search for; a lone digit may be.
    bool one_letter = word.size() == 1 && !(word[0] >= '0' && word[0] <= '9');
    if (!one_letter && !stop.count(word)) out.push_back(stemmer.stem(word));
  }
  return out;
}

PostingTable collect_postings(const std::vector<Document>& docs, const Stemmer& stemmer,
                              const std::set<std::string>& stop,
                              const std::set<std::string>& extra_parts, PageStemsCache* cache) {
  PostingTable table;
  std::vector<Counts> pages;
  const uint64_t words = cache ? words_key(stemmer, stop) : 0;
  for (const Document& doc : docs) {
    const uint64_t key = cache ? page_stems_key(doc, words) : 0;
    const PageStems* kept = cache ? cache->find(key) : nullptr;
    PageStems made;
    if (!kept) {
      made = page_stems(doc, stemmer, stop);
      kept = cache ? &cache->put(key, std::move(made)) : &made;
    }
    pages.push_back(kept->counts);
    table.lengths.push_back(kept->length);
  }
  add_compound_parts(&pages, extra_parts);
  damp_template_words(docs, &pages);
  // Gathered by hash, then sorted once: a sorted map would compare strings for every posting.
  std::unordered_map<std::string, std::vector<Posting>> terms;
  for (size_t i = 0; i < pages.size(); ++i) {
    for (auto& [stem, weight] : pages[i]) terms[stem].push_back({static_cast<int>(i), weight});
  }
  for (auto& [stem, postings] : terms) table.terms.emplace(stem, std::move(postings));
  return table;
}

}  // namespace wegwijzer::search
