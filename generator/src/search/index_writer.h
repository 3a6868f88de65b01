#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "search/document.h"
#include "search/page_stems.h"
#include "search/synonyms.h"
#include "util/diagnostic.h"

namespace wegwijzer::search {

struct IndexOptions {
  std::string language = "nl";  // stems with Snowball's Dutch only for "nl": the browser's port
  std::string prefix = "zoeken/nl/";  // the index's folder under the site root, with its '/'
  Synonyms synonyms;
  size_t shard_bytes = 6 * 1024;      // a term file above this is split by a longer key...
  size_t max_key_chars = 3;           // ...of at most this many letters
  size_t page_text_bytes = 8 * 1024;  // text kept per page for snippets
  int jobs = 1;                       // threads for stemming the pages
};

// The search index of a site, as files (path under the site root -> bytes), for
// site-assets/js/zoeken.js:
//
//   meta.json   {"v":1, "stem":"dutch", "part":4, "avg":…, "sec":[section titles],
//                "pages":[[shared,rest,title,section,length],…], "keys":[shard keys],
//                "stop":[stop words], "syn":{word:[words]}}
//               A page's URL is the previous page's first `shared` characters plus `rest`;
//               `section` indexes "sec"; `length` counts its heading and body words.
//   s/N.json    {stem: postings, …} for keys[N]: the stems whose longest key in "keys" is that
//               key (postings as index_format.h encodes them, page numbers index "pages").
//   p/N.txt     the readable text of page N, one block per line, for the result's snippet.
//
// Pages are numbered in the order of their URLs; the output depends on nothing but the input.
// Only pages in options.language are indexed (a site in two languages has two indexes); a page
// without <main> is left out with a warning. With `cache`, pages whose text is the same as when
// the cache saw it are not stemmed again (search/page_stems.h).
std::map<std::string, std::string> build_index(const std::vector<const Document*>& docs,
                                               const IndexOptions& options, Diagnostics* diags,
                                               PageStemsCache* cache = nullptr);
// The same for documents held in a list.
std::map<std::string, std::string> build_index(const std::vector<Document>& docs,
                                               const IndexOptions& options, Diagnostics* diags,
                                               PageStemsCache* cache = nullptr);

}  // namespace wegwijzer::search
