#include "search/index_writer.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "search/compounds.h"
#include "search/index_format.h"
#include "search/postings.h"
#include "search/stemmer.h"
#include "search/stopwords.h"

namespace wegwijzer::search {

namespace {

using nlohmann::json;

std::string dump(const json& value) {
  // Text from pages is UTF-8 already; a stray invalid byte must not stop the build.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The pages of the index's language in URL order, each URL once; pages without <main> are left
// out and reported.
std::vector<const Document*> pages_in_order(const std::vector<const Document*>& docs,
                                            const IndexOptions& options, Diagnostics* diags) {
  std::vector<const Document*> pages;
  for (const Document* page : docs) {
    const Document& doc = *page;
    const std::string& language = doc.info.language;
    if (!language.empty() && !options.language.empty() && language != options.language) continue;
    if (doc.has_main) {
      pages.push_back(&doc);
    } else {
      diags->warning(doc.info.url, 0, 0,
                     "the page has no <main> element, so the search index (" + options.prefix +
                         ") leaves it out");
    }
  }
  std::stable_sort(pages.begin(), pages.end(),
                   [](const Document* a, const Document* b) { return a->info.url < b->info.url; });
  pages.erase(
      std::unique(pages.begin(), pages.end(),
                  [](const Document* a, const Document* b) { return a->info.url == b->info.url; }),
      pages.end());
  return pages;
}

// The title a result shows: the page's own, unless other pages share it (the steps of a
// questionnaire all called "Waar kan ik terecht?"): then its <h1>, which tells them apart.
std::vector<std::string> result_titles(const std::vector<const Document*>& pages) {
  std::map<std::string, int> uses;
  for (const Document* page : pages) ++uses[page->info.title];
  std::vector<std::string> titles;
  for (const Document* doc : pages) {
    const Document& page = *doc;
    bool unclear = page.info.title.empty() || uses[page.info.title] > 1;
    titles.push_back(unclear && !page.heading1.empty() ? page.heading1
                     : page.info.title.empty()         ? page.info.url
                                                       : page.info.title);
  }
  return titles;
}

json page_table(const std::vector<const Document*>& pages, const PostingTable& table,
                json* sections) {
  std::vector<std::string> titles = result_titles(pages);
  std::map<std::string, int> section_number;
  json rows = json::array();
  std::string previous;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string& url = pages[i]->info.url;
    const std::string& section = pages[i]->info.section;
    auto [it, fresh] = section_number.emplace(section, static_cast<int>(sections->size()));
    if (fresh) sections->push_back(section);
    size_t shared = 0;
    while (shared < url.size() && shared < previous.size() && url[shared] == previous[shared] &&
           (static_cast<unsigned char>(url[shared]) & 0xC0) != 0x80) {
      ++shared;
    }
    while (shared > 0 && (static_cast<unsigned char>(url[shared]) & 0xC0) == 0x80) --shared;
    rows.push_back({shared, url.substr(shared), titles[i], it->second, table.lengths[i]});
    previous = url;
  }
  return rows;
}

// The page's text up to `limit` bytes, cut after a whole line when one fits.
std::string page_text(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = text.rfind('\n', limit);
  if (cut == std::string::npos || cut == 0) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return text.substr(0, cut);
}

}  // namespace

std::map<std::string, std::string> build_index(const std::vector<const Document*>& docs,
                                               const IndexOptions& options, Diagnostics* diags,
                                               PageStemsCache* cache) {
  const std::vector<const Document*> pages = pages_in_order(docs, options, diags);
  // Only Dutch: the browser must stem the query as the index did, and zoeken.js ports Dutch only.
  Stemmer stemmer(Stemmer::algorithm_for(options.language) == "dutch" ? "nl" : "");
  const std::set<std::string>& stop = stopwords(options.language);
  std::set<std::string> synonym_stems;
  for (const auto& [word, alternatives] : options.synonyms.expansions) {
    synonym_stems.insert(stemmer.stem(word));
  }
  PostingTable table = collect_postings(pages, stemmer, stop, synonym_stems, cache, options.jobs);

  std::map<std::string, std::string> encoded;
  for (const auto& [term, postings] : table.terms) encoded[term] = encode_postings(postings);
  std::vector<Shard> shards = shard_terms(encoded, options.shard_bytes, options.max_key_chars);

  std::map<std::string, std::string> files;
  json keys = json::array();
  for (size_t n = 0; n < shards.size(); ++n) {
    json terms = json::object();
    for (const std::string& term : shards[n].terms) terms[term] = encoded[term];
    files[options.prefix + "s/" + std::to_string(n) + ".json"] = dump(terms);
    keys.push_back(shards[n].key);
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    files[options.prefix + "p/" + std::to_string(i) + ".txt"] =
        page_text(pages[i]->text, options.page_text_bytes);
  }
  long total = 0;
  for (int length : table.lengths) total += length;
  json sections = json::array();
  json meta = {{"v", 1},
               {"stem", stemmer.algorithm()},
               {"part", kMinCompoundPart},
               {"avg", pages.empty() ? 0 : std::lround(double(total) / double(pages.size()))},
               {"pages", page_table(pages, table, &sections)},
               {"keys", keys},
               {"stop", stop},
               {"syn", options.synonyms.expansions}};
  meta["sec"] = sections;
  files[options.prefix + "meta.json"] = dump(meta);
  return files;
}

std::map<std::string, std::string> build_index(const std::vector<Document>& docs,
                                               const IndexOptions& options, Diagnostics* diags,
                                               PageStemsCache* cache) {
  std::vector<const Document*> pointers;
  for (const Document& doc : docs) pointers.push_back(&doc);
  return build_index(pointers, options, diags, cache);
}

}  // namespace wegwijzer::search
