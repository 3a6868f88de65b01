#include "site/data_pages.h"

#include <algorithm>
#include <map>

#include "data/json_access.h"
#include "site/az_list.h"
#include "site/data_query.h"
#include "site/data_references.h"
#include "site/front_matter_place.h"
#include "site/url_resolver.h"
#include "util/parallel.h"
#include "util/slug.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

constexpr const char* kDeclarationKey = "data_pages";

using Place = FrontMatterPlace;

void fail(Diagnostics* diags, const Place& at, const std::string& message) {
  at.error(diags, message);
}

// One section's declaration, read leniently: a value of the wrong type is reported once.
struct PagesDecl {
  std::string data, list, url, title, title_when_shared, description, layout, order, lastmod;
  std::vector<std::string> az_ignore;
  bool az = false, sitemap = true, by_position = false;
  json lookups = json::object();
  json section_record;  // {field, equals}: the record that is the section page itself
};

const char* const kKnownKeys[] = {
    "data",        "list",    "url", "title",     "title_when_shared", "layout",  "order",
    "description", "lastmod", "az",  "az_ignore", "sitemap",           "lookups", "section_record"};

bool read_decl(const json& v, const Place& at, PagesDecl* d, Diagnostics* diags) {
  if (!v.is_object()) {
    fail(diags, at, "\"data_pages\" must be a mapping (data, list, url, title, layout, ...)");
    return false;
  }
  for (const auto& [key, value] : v.items()) {
    if (std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key) == std::end(kKnownKeys)) {
      fail(diags, at, "data_pages: unknown key \"" + key + "\"");
      return false;
    }
  }
  d->data = str(v, "data");
  d->list = str(v, "list");
  d->url = str(v, "url");
  d->title = str(v, "title");
  d->layout = str(v, "layout");
  if (d->data.empty() || d->list.empty() || d->url.empty() || d->title.empty() ||
      d->layout.empty()) {
    fail(diags, at, "data_pages needs data, list, url, title and layout");
    return false;
  }
  d->title_when_shared = str(v, "title_when_shared");
  d->description = str(v, "description");
  d->order = str(v, "order");
  d->by_position = d->order == "position";
  d->lastmod = str(v, "lastmod");
  d->az = member(v, "az") == true;
  d->sitemap = member(v, "sitemap") != false;
  for (const json& p : list_of(v, "az_ignore")) d->az_ignore.push_back(text(p));
  d->lookups = fields(member(v, "lookups"));
  d->section_record = member(v, "section_record");
  return true;
}

// Sorting key for an A–Z list: "'s-Hertogenbosch" belongs under H when "'s-" is ignored.
std::string az_key(const std::string& name, const std::vector<std::string>& ignore) {
  for (const std::string& prefix : ignore) {
    if (!prefix.empty() && name.starts_with(prefix)) return slugify(name.substr(prefix.size()));
  }
  return slugify(name);
}

// A data page as declared: one per record, below the section.
struct Made {
  int page = -1;
  json* record = nullptr;
  const json* parent = nullptr;
  const PagesDecl* decl = nullptr;
};

int add_page(Site* site, const std::string& url, const std::string& title, int parent,
             const std::string& translation_key, const Place& at, Diagnostics* diags) {
  auto [it, fresh] = site->page_by_url.emplace(url, static_cast<int>(site->pages.size()));
  if (!fresh) {
    const Page& other = site->pages[it->second];
    fail(diags, at,
         "data_pages: the page " + url + " is also claimed by " +
             (other.derived && other.parent == parent ? "another record of this data_pages"
                                                      : page_name(*site, other)));
    return -1;
  }
  Page page;
  page.derived = true;
  page.kind = PageKind::kPage;
  page.url = url;
  page.output_path = output_path_for_url(url);
  page.front_matter.title = title;
  page.parent = parent;
  page.language = site->pages[parent].language;
  page.translation_key = translation_key;
  site->translations[translation_key].push_back(it->second);
  site->pages.push_back(std::move(page));
  site->pages[parent].pages.push_back(it->second);
  return it->second;
}

// Titles, with the shared-title form where two records would otherwise read the same.
std::vector<std::string> titles_of(const std::vector<FoundRecord>& records, const PagesDecl& d) {
  std::vector<std::string> titles;
  std::map<std::string, int> uses;
  for (const FoundRecord& r : records) ++uses[titles.emplace_back(fill_fields(d.title, *r.record))];
  for (size_t i = 0; i < records.size(); ++i) {
    if (uses[titles[i]] > 1 && !d.title_when_shared.empty())
      titles[i] = fill_fields(d.title_when_shared, *records[i].record);
  }
  return titles;
}

bool is_section_record(const json& record, const PagesDecl& d, const json& data_set) {
  if (!d.section_record.is_object()) return false;
  std::string field = str(d.section_record, "field");
  const json* wanted = at_pointer(data_set, str(d.section_record, "equals"));
  return !field.empty() && wanted && !wanted->is_null() && member(record, field.c_str()) == *wanted;
}

}  // namespace

namespace {

// Phase one for one section: a page per record (or the section itself for its own record), and
// `url` and `title` written into the record.
void make_pages(Site* site, int section, const PagesDecl& d, const Place& at,
                std::vector<Made>* made, Diagnostics* diags) {
  json& data = site->data_of(site->pages[section].language);
  if (!data.contains(d.data)) {
    fail(diags, at,
         "data_pages: no data set \"" + d.data + "\" (no " + d.data + ".json in " +
             site->config.data_dir + ", or it has errors)");
    return;
  }
  json& data_set = data[d.data];
  std::vector<FoundRecord> records = records_at(data_set, d.list);
  std::vector<std::string> titles = titles_of(records, d);
  const json* modified = at_pointer(data_set, d.lastmod);
  std::string lastmod = modified ? text(*modified) : std::string();
  Page& own = site->pages[section];
  if (own.front_matter.lastmod.empty()) own.front_matter.lastmod = lastmod;
  for (size_t i = 0; i < records.size(); ++i) {
    json& record = *records[i].record;
    json extra = {{"title", titles[i]}};
    int page = section;
    if (!is_section_record(record, d, data_set)) {
      std::string url = site->pages[section].url + fill_fields(d.url, record, extra);
      if (!url.ends_with("/")) url += "/";
      std::string key = "data:" + d.data + d.list + "/" + std::to_string(i);
      page = add_page(site, url, titles[i], section, key, at, diags);
      if (page < 0) continue;
      Page& p = site->pages[page];
      p.front_matter.lastmod = lastmod;
      p.front_matter.params["sitemap"] = d.sitemap;
      if (d.by_position) p.front_matter.weight = static_cast<int>(i) + 1;
    }
    Page& p = site->pages[page];
    p.layout = fill_fields(d.layout, record, extra);
    if (!d.description.empty())
      p.front_matter.description = fill_fields(d.description, record, extra);
    record["url"] = p.url;
    record["title"] = page == section ? p.front_matter.title : titles[i];
    made->push_back({page, &record, records[i].parent, &d});
  }
}

// The letters of an A–Z list of a section's data pages: [{letter, id, pages: [{title, url}]}].
json az_letters(const Site& site, const std::vector<Made>& made, int section) {
  std::vector<std::pair<std::string, const Made*>> sorted;
  for (const Made& m : made) {
    if (m.page == section || site.pages[m.page].parent != section) continue;
    sorted.emplace_back(az_key(str(*m.record, m.decl->order.c_str()), m.decl->az_ignore), &m);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  json letters = json::array();
  for (const auto& [key, m] : sorted) {
    const Page& p = site.pages[m->page];
    add_under_letter(&letters, key, "pages", {{"title", p.front_matter.title}, {"url", p.url}});
  }
  return letters;
}

// One declared lookup for one record: {data, list, match: {their: mine}, one, complete_when};
// `candidates` are the records of the lookup's list, found once for all records.
json run_lookup(const json& decl, const MatchIndex& candidates, const json& record) {
  bool one = member(decl, "one") == true;
  json found = json::array();
  for (const ConstFoundRecord* r : candidates.candidates(record)) {
    if (!record_matches(*r->record, record, member(decl, "match"))) continue;
    json item = *r->record;
    if (r->parent) item["parent"] = without_lists(*r->parent);
    found.push_back(std::move(item));
    if (one) break;
  }
  if (!one) return found;
  if (found.empty()) return nullptr;
  json item = std::move(found[0]);
  if (member(decl, "complete_when").is_array()) {
    bool complete = true;
    for (const json& f : list_of(decl, "complete_when"))
      complete &= member(item, text(f).c_str()).is_object();
    item["complete"] = complete;
  }
  return item;
}

void check_lookups(const Site& site, const PagesDecl& d, const Place& at, Diagnostics* diags) {
  if (site.pages.empty()) return;
  for (const auto& [name, decl] : d.lookups.items()) {
    std::string set = str(decl, "data");
    if (!decl.is_object() || set.empty() || str(decl, "list").empty() ||
        !member(decl, "match").is_object()) {
      fail(diags, at, "data_pages: lookup \"" + name + "\" needs data, list and match");
    } else if (!site.data.contains(set)) {
      fail(diags, at, "data_pages: lookup \"" + name + "\": no data set \"" + set + "\"");
    }
  }
}

// Phase two: the context of each data page (and of a section that is a record itself), made on
// up to `jobs` threads: each one copies records out of the data, and there are hundreds.
void add_contexts(Site* site, int lang, const std::vector<Made>& made, int jobs) {
  const json& data = site->data_of(lang);
  std::map<const json*, MatchIndex> candidates;  // by lookup declaration, made before the pages
  for (const Made& m : made) {
    for (const auto& [name, decl] : m.decl->lookups.items()) {
      if (candidates.contains(&decl)) continue;
      candidates.emplace(
          &decl, MatchIndex(records_at(member(data, str(decl, "data").c_str()), str(decl, "list")),
                            member(decl, "match")));
    }
  }
  std::vector<json> contexts(made.size());
  parallel_for(
      made.size(), jobs,
      [&](size_t i, int) {
        json context = {{"record", *made[i].record}};
        for (const auto& [name, decl] : made[i].decl->lookups.items()) {
          context[name] = run_lookup(decl, candidates.at(&decl), *made[i].record);
          if (context[name].is_array()) context["has_" + name] = !context[name].empty();
        }
        contexts[i] = std::move(context);
      },
      /*chunk=*/8);
  for (size_t i = 0; i < made.size(); ++i) {
    Page& p = site->pages[made[i].page];
    if (!p.derived_context.is_object()) p.derived_context = json::object();
    for (auto& [key, value] : contexts[i].items()) p.derived_context[key] = std::move(value);
  }
}

}  // namespace

namespace {

// The section page in `lang` that shares the translation key of `section`, or -1.
int section_in(const Site& site, int section, int lang) {
  int version = site.translation_in(section, lang);
  return version >= 0 && site.pages[version].kind != PageKind::kPage ? version : -1;
}

// The declarations of the site's own language, each with its section's `data_pages` as written.
std::vector<std::pair<int, json>> declarations(const Site& site, Diagnostics* diags) {
  std::vector<std::pair<int, json>> decls;
  for (int i = 0; i < static_cast<int>(site.pages.size()); ++i) {
    const json& v = member(site.pages[i].front_matter.params, kDeclarationKey);
    if (v.is_null() || site.pages[i].language != 0) continue;
    if (site.pages[i].kind == PageKind::kPage) {
      fail(diags, place_of_key(site.pages[i], kDeclarationKey),
           "data_pages belongs in a section's _index.md");
      continue;
    }
    decls.emplace_back(i, v);
  }
  return decls;
}

// The pages of one language: a translated section's own `data_pages` replaces keys of the
// original declaration (its title and description patterns, in its language).
void add_language_pages(Site* site, const DataFiles& raw, int lang,
                        const std::vector<std::pair<int, json>>& decls, int jobs,
                        Diagnostics* diags) {
  std::vector<Made> made;
  struct Read {
    int section;    // where the pages go, in `lang`
    int declaring;  // whose front matter holds the declaration: the section or its original
    PagesDecl decl;
  };
  std::vector<Read> read;
  read.reserve(decls.size());
  for (const auto& [original, value] : decls) {
    int section = section_in(*site, original, lang);
    if (section < 0) continue;
    json decl = value;
    const json& own = member(site->pages[section].front_matter.params, kDeclarationKey);
    if (lang != 0 && own.is_object()) decl.update(own);
    int declaring = lang == 0 || own.is_object() ? section : original;
    PagesDecl d;
    if (!read_decl(decl, place_of_key(site->pages[declaring], kDeclarationKey), &d, diags))
      continue;
    read.push_back({section, declaring, std::move(d)});
  }
  for (const Read& r : read) {
    Place at = place_of_key(site->pages[r.declaring], kDeclarationKey);
    size_t first = made.size();
    make_pages(site, r.section, r.decl, at, &made, diags);
    for (size_t i = first; i < made.size(); ++i) {
      if (made[i].page != r.section) site->pages[made[i].page].declared_in = r.declaring;
    }
    if (lang == 0) check_lookups(*site, r.decl, at, diags);
  }
  add_references(site, raw, lang, diags);
  add_contexts(site, lang, made, jobs);
  for (const Read& r : read) {
    if (!r.decl.az) continue;
    Page& p = site->pages[r.section];
    if (!p.derived_context.is_object()) p.derived_context = json::object();
    p.derived_context["az"] = az_letters(*site, made, r.section);
    p.derived_context["count"] = p.pages.size();
  }
}

}  // namespace

void add_data_pages(Site* site, const DataFiles& raw, Diagnostics* diags, int jobs) {
  std::vector<std::pair<int, json>> decls = declarations(*site, diags);
  const int languages = std::max<int>(1, static_cast<int>(site->languages.size()));
  // Pages are added as they are made: reserve so that references into site->pages stay valid.
  for (int lang = 0; lang < languages; ++lang)
    add_language_pages(site, raw, lang, decls, jobs, diags);
}

}  // namespace wegwijzer
