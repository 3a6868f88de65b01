#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "search/document.h"
#include "search/page_stems.h"
#include "search/stemmer.h"

namespace wegwijzer::search {

// How much one occurrence of a word counts, by where it stands: a page is about what its title
// says more than what one sentence of it mentions. The title is the site's own (the caller's),
// so the first <h1> is a heading, if a strong one: the steps of a questionnaire share a title and
// differ in their <h1>, and are rarely what a reader looks for. Body text weighs 2, so that
// template damping (below) can still halve one mention.
inline constexpr int kTitleWeight = 20;
inline constexpr int kKeywordWeight = 12;
inline constexpr int kHeading1Weight = 10;
inline constexpr int kHeadingWeight = 6;
inline constexpr int kBodyWeight = 2;

// Pages in a section at least this large can come from one template (a page per record); a word
// on more than half of them is the template's, not the page's own.
inline constexpr size_t kTemplateSectionPages = 10;
// ...and counts this many times less there.
inline constexpr int kTemplateDamping = 4;

struct Posting {
  int page = 0;    // index in the documents
  int weight = 0;  // occurrences, each times the weight of where it stands
  bool operator==(const Posting&) const = default;
};

struct PostingTable {
  std::map<std::string, std::vector<Posting>> terms;  // stem -> postings by page
  std::vector<int> lengths;  // per page: words of its headings and body, stop words left out
};

// The weighted postings of every stem of `docs`: words folded, stop words dropped, stemmed; a
// compound's parts count half as much as the compound. Parts are the stems of the site and
// `extra_parts` (the stemmed keys of the synonyms: "zelfmoord" is a word readers type, so
// "zelfmoordpreventie" should be found by it even where the site never writes it alone).
// With `cache`, each page's stems are taken from it when the page and the stemming are the same
// as when they were put there. The other pages are stemmed on up to `jobs` threads.
PostingTable collect_postings(const std::vector<const Document*>& docs, const Stemmer& stemmer,
                              const std::set<std::string>& stop,
                              const std::set<std::string>& extra_parts = {},
                              PageStemsCache* cache = nullptr, int jobs = 1);
// The same for documents held in a list.
PostingTable collect_postings(const std::vector<Document>& docs, const Stemmer& stemmer,
                              const std::set<std::string>& stop,
                              const std::set<std::string>& extra_parts = {},
                              PageStemsCache* cache = nullptr, int jobs = 1);

// The stems of a piece of text as the index makes them: folded words, stop words left out.
std::vector<std::string> stems_of(std::string_view text, const Stemmer& stemmer,
                                  const std::set<std::string>& stop);

}  // namespace wegwijzer::search
