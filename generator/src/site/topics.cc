#include "site/topics.h"

#include <algorithm>
#include <map>

#include "data/json_access.h"
#include "site/az_list.h"
#include "util/slug.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

bool is_topics_page(const Page& page) {
  return !page.failed && page.front_matter.params.value("topics", false) == true;
}

// Sort key -> (term as first written, the pages it names).
using Entries = std::map<std::string, std::pair<std::string, std::vector<int>>>;

void add_term(Entries* entries, const std::string& term, int page) {
  std::string key = slugify(term);
  if (key.empty()) return;
  auto& [shown, pages] = (*entries)[key];
  if (shown.empty()) shown = term;
  if (std::find(pages.begin(), pages.end(), page) == pages.end()) pages.push_back(page);
}

json topics_of(const Site& site, int language, int self) {
  Entries entries;
  for (int i = 0; i < static_cast<int>(site.pages.size()); ++i) {
    const Page& p = site.pages[i];
    if (i == self || p.failed || p.derived || p.source_path.empty() || p.language != language ||
        p.layout.empty() || p.front_matter.params.value("search", true) == false)
      continue;
    add_term(&entries, p.front_matter.title, i);
    for (const json& k : list_of(p.front_matter.params, "keywords")) add_term(&entries, text(k), i);
  }
  json letters = json::array();
  for (const auto& [key, entry] : entries) {
    json pages = json::array();
    for (int i : entry.second)
      pages.push_back({{"title", site.pages[i].front_matter.title}, {"url", site.pages[i].url}});
    // A term that names one page links to it; one that names more lists them.
    json single = pages.size() == 1 ? json{{"url", pages[0]["url"]}} : json(false);
    add_under_letter(
        &letters, key, "entries",
        {{"term", entry.first}, {"pages", std::move(pages)}, {"single", std::move(single)}});
  }
  return letters;
}

}  // namespace

int topics_page(const Site& site, int language) {
  for (int i = 0; i < static_cast<int>(site.pages.size()); ++i) {
    if (site.pages[i].language == language && is_topics_page(site.pages[i])) return i;
  }
  return -1;
}

void add_topics(Site* site) {
  for (int i = 0; i < static_cast<int>(site->pages.size()); ++i) {
    Page& page = site->pages[i];
    if (!is_topics_page(page)) continue;
    if (!page.derived_context.is_object()) page.derived_context = json::object();
    page.derived_context["topics"] = topics_of(*site, page.language, i);
  }
}

}  // namespace wegwijzer
