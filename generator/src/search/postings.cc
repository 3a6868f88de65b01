#include "search/postings.h"

#include <algorithm>

#include "search/compounds.h"
#include "search/text_folding.h"

namespace wegwijzer::search {

namespace {

using Counts = std::map<std::string, int>;  // stem -> weight on one page

void count(std::string_view text, int weight, const Stemmer& stemmer,
           const std::set<std::string>& stop, Counts* counts, int* length) {
  for (const std::string& stem : stems_of(text, stemmer, stop)) {
    (*counts)[stem] += weight;
    if (length != nullptr) ++*length;
  }
}

Counts page_counts(const Document& doc, const Stemmer& stemmer, const std::set<std::string>& stop,
                   int* length) {
  Counts counts;
  count(doc.info.title, kTitleWeight, stemmer, stop, &counts, nullptr);
  for (const std::string& keyword : doc.info.keywords) {
    count(keyword, kKeywordWeight, stemmer, stop, &counts, nullptr);
  }
  bool first_h1 = !doc.heading1.empty();
  for (const std::string& heading : doc.headings) {
    bool is_h1 = first_h1 && heading == doc.heading1;
    count(heading, is_h1 ? kHeading1Weight : kHeadingWeight, stemmer, stop, &counts, length);
    if (is_h1) first_h1 = false;
  }
  count(doc.body, kBodyWeight, stemmer, stop, &counts, length);
  return counts;
}

bool only_letters(const std::string& word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Adds the parts of each compound stem of a page, at half the compound's weight, so that a query
// for "gedachten" also finds the page that says "zelfmoordgedachten".
void add_compound_parts(std::vector<Counts>* pages, const std::set<std::string>& extra_parts) {
  std::set<std::string> vocabulary = extra_parts;
  for (const Counts& page : *pages) {
    for (const auto& [stem, weight] : page) vocabulary.insert(stem);
  }
  auto known = [&](std::string_view part) { return vocabulary.count(std::string(part)) > 0; };
  std::map<std::string, std::vector<std::string>> parts_of;
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
    std::map<std::string, size_t> frequency;
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
                              const std::set<std::string>& extra_parts) {
  PostingTable table;
  std::vector<Counts> pages;
  for (const Document& doc : docs) {
    int length = 0;
    pages.push_back(page_counts(doc, stemmer, stop, &length));
    table.lengths.push_back(length);
  }
  add_compound_parts(&pages, extra_parts);
  damp_template_words(docs, &pages);
  for (size_t i = 0; i < pages.size(); ++i) {
    for (const auto& [stem, weight] : pages[i]) {
      table.terms[stem].push_back({static_cast<int>(i), weight});
    }
  }
  return table;
}

}  // namespace wegwijzer::search
