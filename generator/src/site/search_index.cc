#include "site/search_index.h"

#include "data/json_access.h"
#include "search/index_writer.h"
#include "search/synonyms.h"
#include "site/base_path.h"

namespace wegwijzer {

bool is_searchable(const Page& page) {
  return !page.failed && !page.layout.empty() &&
         page.front_matter.params.value("search", true) != false;
}

search::PageInfo search_page_info(const Site& site, int index) {
  const Page& page = site.pages[index];
  search::PageInfo info;
  info.url = page.url;
  info.title = page.front_matter.title;
  if (page.parent >= 0) info.section = site.pages[page.parent].front_matter.title;
  info.language = site.code_of(page.language);
  for (const nlohmann::json& k : list_of(page.front_matter.params, "keywords"))
    info.keywords.push_back(text(k));
  return info;
}

std::string search_index_url(const std::string& language) {
  return "/search/" + language + "/";
}

namespace {

// The editors' synonyms for one language; none when the file does not exist.
search::Synonyms load_synonyms(const FileSystem& fs, const SiteConfig& config,
                               const std::string& language, Diagnostics* diags) {
  if (config.search_synonyms_dir.empty()) return {};
  std::string path = config.search_synonyms_dir + "/" + language + ".yaml";
  std::string text, error;
  if (!fs.is_file(path)) return {};
  if (!fs.read_file(path, &text, &error)) {
    diags->error(path, 0, 0, error);
    return {};
  }
  return search::parse_synonyms(text, path, diags);
}

}  // namespace

std::map<std::string, std::string> search_index_files(const FileSystem& fs, const Site& site,
                                                      const SearchDocuments& documents,
                                                      Diagnostics* diags,
                                                      search::PageStemsCache* cache, int jobs) {
  std::map<std::string, std::string> files;
  // Results link from the browser: to the page as published, under the site's path. Pages are
  // copied only where that changes their URL.
  std::vector<search::Document> moved;
  moved.reserve(documents.size());  // never moves: `docs` points into it
  std::vector<const search::Document*> docs;
  for (const auto& d : documents) {
    if (!d) continue;
    std::string url = with_base_path(d->info.url, site.config.base_path);
    if (url == d->info.url) {
      docs.push_back(d.get());
      continue;
    }
    moved.push_back(*d);
    moved.back().info.url = std::move(url);
    docs.push_back(&moved.back());
  }
  for (size_t lang = 0; lang < site.language_count(); ++lang) {
    search::IndexOptions options;
    options.language = site.code_of(static_cast<int>(lang));
    options.prefix = search_index_url(options.language).substr(1);
    options.synonyms = load_synonyms(fs, site.config, options.language, diags);
    options.jobs = jobs;
    files.merge(search::build_index(docs, options, diags, cache));
  }
  return files;
}

}  // namespace wegwijzer
