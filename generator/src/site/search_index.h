#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "search/document.h"
#include "search/page_stems.h"
#include "site/site.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

// The site's search (`search` in wegwijzer.yaml): every page in the index of its language,
// read from the page's built HTML (search/document.h) with what only the pipeline knows (its
// title, section and `keywords`); the index files under search/<language>/ for
// site-assets/js/zoeken.js, with the editors' synonyms from <synonyms>/<language>.yaml.
using SearchDocuments = std::vector<std::shared_ptr<const search::Document>>;

// False for a page that asks to stay out (`search: false`) or has no HTML.
bool is_searchable(const Page& page);

search::PageInfo search_page_info(const Site& site, int page);

// "/search/en/": where a language's index lives, from the site root.
std::string search_index_url(const std::string& language);

// The index files of every language (path under the site root -> bytes). `documents` is
// indexed like site.pages; pages without one are left out. `cache` (may be null) keeps each
// page's stems for the next build. Pages are stemmed on up to `jobs` threads.
std::map<std::string, std::string> search_index_files(const FileSystem& fs, const Site& site,
                                                      const SearchDocuments& documents,
                                                      Diagnostics* diags,
                                                      search::PageStemsCache* cache = nullptr,
                                                      int jobs = 1);

}  // namespace wegwijzer
