#include "search/postings.h"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "search/compounds.h"
#include "search/text_folding.h"
#include "util/fingerprint.h"
#include "util/parallel.h"

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
  Counts counts;
  count(doc.info.title, kTitleWeight, stemmer, stop, &counts, nullptr);
  for (const std::string& keyword : doc.info.keywords) {
    count(keyword, kKeywordWeight, stemmer, stop, &counts, nullptr);
  }
  bool first_h1 = !doc.heading1.empty();
  for (const std::string& heading : doc.headings) {
    bool is_h1 = first_h1 && heading == doc.heading1;
    count(heading, is_h1 ? kHeading1Weight : kHeadingWeight, stemmer, stop, &counts, &out.length);
    if (is_h1) first_h1 = false;
  }
  count(doc.body, kBodyWeight, stemmer, stop, &counts, &out.length);
  out.stems.assign(std::make_move_iterator(counts.begin()), std::make_move_iterator(counts.end()));
  std::sort(out.stems.begin(), out.stems.end());
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

bool only_letters(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The stems of one build of the index by number, as views of the strings the pages' stems and
// `extra_parts` hold: each page's stem is hashed once, and all that follows works on numbers.
class StemIds {
 public:
  int id(std::string_view stem) {
    auto [it, fresh] = ids_.try_emplace(stem, static_cast<int>(names_.size()));
    if (fresh) names_.push_back(stem);
    return it->second;
  }
  bool known(std::string_view stem) const { return ids_.count(stem) > 0; }
  int find(std::string_view stem) const { return ids_.at(stem); }
  std::string_view name(int id) const { return names_[id]; }
  size_t size() const { return names_.size(); }

 private:
  std::unordered_map<std::string_view, int> ids_;
  std::vector<std::string_view> names_;
};

// One page's stems by number with their weights, each number once.
using Entries = std::vector<std::pair<int, int>>;

// Sorts by number and adds up the weights of equal numbers.
void merge_equal(Entries* entries) {
  std::sort(entries->begin(), entries->end());
  size_t out = 0;
  for (size_t i = 0; i < entries->size(); ++i) {
    if (out > 0 && (*entries)[out - 1].first == (*entries)[i].first) {
      (*entries)[out - 1].second += (*entries)[i].second;
    } else {
      (*entries)[out++] = (*entries)[i];
    }
  }
  entries->resize(out);
}

// Adds the parts of each compound stem of a page, at half the compound's weight, so that a query
// for "gedachten" also finds the page that says "zelfmoordgedachten". The parts are the stems of
// the whole site and `extra_parts`, all of which `ids` holds.
void add_compound_parts(const StemIds& ids, std::vector<Entries>* pages) {
  std::vector<std::vector<int>> parts_of(ids.size());
  auto known = [&](std::string_view part) { return ids.known(part); };
  for (size_t id = 0; id < ids.size(); ++id) {
    if (!only_letters(ids.name(id))) continue;
    for (const std::string& part : split_compound(ids.name(id), known))
      parts_of[id].push_back(ids.find(part));
  }
  for (Entries& page : *pages) {
    const size_t own = page.size();
    for (size_t i = 0; i < own; ++i) {
      for (int part : parts_of[page[i].first])
        page.emplace_back(part, std::max(1, page[i].second / 2));
    }
    if (page.size() > own) merge_equal(&page);
  }
}

// In a section of many pages, a word on most of them came with the template the pages share:
// it says nothing about one page, and without damping it would bury the one page written about
// that word under hundreds of near-identical ones.
void damp_template_words(const std::vector<const Document*>& docs, size_t stem_count,
                         std::vector<Entries>* pages) {
  std::map<std::string, std::vector<size_t>> sections;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!docs[i]->info.section.empty()) sections[docs[i]->info.section].push_back(i);
  }
  std::vector<size_t> frequency(stem_count, 0);
  for (const auto& [section, members] : sections) {
    if (members.size() < kTemplateSectionPages) continue;
    for (size_t i : members) {
      for (const auto& [id, weight] : (*pages)[i]) ++frequency[id];
    }
    for (size_t i : members) {
      for (auto& [id, weight] : (*pages)[i]) {
        if (frequency[id] * 2 > members.size()) weight = std::max(1, weight / kTemplateDamping);
      }
    }
    for (size_t i : members) {
      for (const auto& [id, weight] : (*pages)[i]) frequency[id] = 0;
    }
  }
}

// The postings of every stem, in the order of the stems.
void fill_terms(const StemIds& ids, const std::vector<Entries>& pages, PostingTable* table) {
  std::vector<std::vector<Posting>> by_id(ids.size());
  for (size_t page = 0; page < pages.size(); ++page) {
    for (const auto& [id, weight] : pages[page])
      by_id[id].push_back({static_cast<int>(page), weight});
  }
  std::vector<int> order;
  for (size_t id = 0; id < by_id.size(); ++id) {
    if (!by_id[id].empty()) order.push_back(static_cast<int>(id));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) { return ids.name(a) < ids.name(b); });
  for (int id : order)
    table->terms.emplace_hint(table->terms.end(), std::string(ids.name(id)), std::move(by_id[id]));
}

// The stems of docs[which[k]] for every k, on up to `jobs` threads. libstemmer keeps its work in
// the Stemmer, so each thread but the caller's stems with one of its own.
std::vector<PageStems> stems_of_pages(const std::vector<const Document*>& docs,
                                      const std::vector<size_t>& which, const Stemmer& stemmer,
                                      const std::set<std::string>& stop, int jobs) {
  std::vector<PageStems> out(which.size());
  std::vector<std::unique_ptr<Stemmer>> own(static_cast<size_t>(std::max(1, jobs)));
  parallel_for(
      which.size(), jobs,
      [&](size_t k, int worker) {
        const Stemmer* mine = &stemmer;
        if (worker > 0) {
          if (!own[worker]) own[worker] = std::make_unique<Stemmer>(stemmer.language());
          mine = own[worker].get();
        }
        out[k] = page_stems(*docs[which[k]], *mine, stop);
      },
      /*chunk=*/4);
  return out;
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

PostingTable collect_postings(const std::vector<const Document*>& docs, const Stemmer& stemmer,
                              const std::set<std::string>& stop,
                              const std::set<std::string>& extra_parts, PageStemsCache* cache,
                              int jobs) {
  PostingTable table;
  // Each page's stems as the cache keeps them, or as made here: StemIds views them.
  std::vector<const PageStems*> kept(docs.size(), nullptr);
  std::vector<uint64_t> keys(docs.size(), 0);
  std::vector<size_t> missing;
  const uint64_t words = cache ? words_key(stemmer, stop) : 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (cache) keys[i] = page_stems_key(*docs[i], words);
    if (cache) kept[i] = cache->find(keys[i]);
    if (!kept[i]) missing.push_back(i);
  }
  std::vector<PageStems> made = stems_of_pages(docs, missing, stemmer, stop, jobs);
  for (size_t k = 0; k < missing.size(); ++k) {
    const size_t i = missing[k];
    kept[i] = cache ? &cache->put(keys[i], std::move(made[k])) : &made[k];
  }
  StemIds ids;
  for (const std::string& part : extra_parts) ids.id(part);
  std::vector<Entries> pages(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    pages[i].reserve(kept[i]->stems.size());
    for (const auto& [stem, weight] : kept[i]->stems) pages[i].emplace_back(ids.id(stem), weight);
    table.lengths.push_back(kept[i]->length);
  }
  add_compound_parts(ids, &pages);
  damp_template_words(docs, ids.size(), &pages);
  fill_terms(ids, pages, &table);
  return table;
}

PostingTable collect_postings(const std::vector<Document>& docs, const Stemmer& stemmer,
                              const std::set<std::string>& stop,
                              const std::set<std::string>& extra_parts, PageStemsCache* cache,
                              int jobs) {
  std::vector<const Document*> pointers;
  for (const Document& doc : docs) pointers.push_back(&doc);
  return collect_postings(pointers, stemmer, stop, extra_parts, cache, jobs);
}

}  // namespace wegwijzer::search
