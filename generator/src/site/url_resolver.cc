#include "site/url_resolver.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "util/slug.h"

namespace wegwijzer {
namespace {

std::vector<std::string> split_dirs(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

std::string stem(const std::string& name) {
  size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

void report(Diagnostics* diags, const Page& page, SourcePos pos, const std::string& message) {
  diags->error(page.source_path, pos.line, pos.column, message,
               std::string(line_text(page.text, pos.line)));
}

// Folder names repeat on every page of a section: each is slugified once per build.
using SlugCache = std::unordered_map<std::string, std::string>;

// The URL a page gets from its place under content/, before `url` is applied; a translation's
// is its original's below the language's prefix ("/en/crisis/").
bool url_from_path(const Site& site, Page& page, SlugCache* slugs, Diagnostics* diags,
                   std::string* url) {
  std::vector<std::string> parts = split_dirs(page.translation_key);  // "content", ..., file
  std::string file = parts.back();
  parts.erase(parts.begin());
  parts.pop_back();
  if (page.kind == PageKind::kPage && file != "index.md") parts.push_back(stem(file));
  std::vector<std::string> segments;
  for (const std::string& part : parts) {
    auto cached = slugs->find(part);
    if (cached == slugs->end()) cached = slugs->emplace(part, slugify(part)).first;
    const std::string& s = cached->second;
    if (s.empty()) {
      diags->error(page.source_path, 0, 0,
                   "the name \"" + part + "\" gives an empty URL segment; use letters or digits");
      return false;
    }
    segments.push_back(s);
  }
  const FrontMatter& fm = page.front_matter;
  if (!fm.slug.empty()) {
    if (page.kind == PageKind::kHome) {
      report(diags, page, fm.slug_pos, "the home page cannot have a \"slug\"");
      return false;
    }
    if (fm.slug.find_first_of("/\\?#") != std::string::npos || fm.slug == "." || fm.slug == ".." ||
        fm.slug.find_first_of(" \t") != std::string::npos) {
      report(diags, page, fm.slug_pos,
             "\"slug\" must be one URL segment without '/', '\\', '..', spaces, '?' or '#'");
      return false;
    }
    if (std::any_of(fm.slug.begin(), fm.slug.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '"' || c == '\'' ||
                 c == '<' || c == '>' || c == '`';
        })) {
      report(diags, page, fm.slug_pos,
             "\"slug\" must not contain quotes, angle brackets or control characters");
      return false;
    }
    segments.back() = fm.slug;
  }
  *url = site.prefix_of(page.language) + "/";
  for (const std::string& s : segments) *url += s + "/";
  return true;
}

// "content/a/b.en.md" -> "content/a/b.md": what its translations have in common.
std::string translation_key_of(const Site& site, const Page& page) {
  if (page.language == 0 || page.source_path.empty()) return page.source_path;
  const std::string suffix = "." + site.languages[page.language].code + ".md";
  const std::string& path = page.source_path;
  if (!path.ends_with(suffix)) return path;
  return path.substr(0, path.size() - suffix.size()) + ".md";
}

// A site needs a home page even when content/_index.md is missing, and so does each language
// that has pages.
void add_missing_home_pages(Site* site) {
  std::vector<Page>& pages = site->pages;
  const size_t languages = site->language_count();
  std::vector<char> has_home(languages, 0), has_pages(languages, 0);
  has_pages[0] = 1;
  for (const Page& p : pages) {
    has_pages[p.language] = 1;
    if (p.kind == PageKind::kHome) has_home[p.language] = 1;
  }
  for (size_t lang = 0; lang < languages; ++lang) {
    if (has_home[lang] || !has_pages[lang]) continue;
    Page home;
    home.kind = PageKind::kHome;
    home.language = static_cast<int>(lang);
    home.front_matter.title = lang == 0 ? site->config.title : site->languages[lang].title;
    home.content_dir = "content";
    pages.insert(pages.begin(), std::move(home));
  }
}

// The key of a content folder in one language.
std::string folder_key(int language, const std::string& dir) {
  return std::to_string(language) + ":" + dir;
}

// Sets the home pages and gives the section page (or the home page) of each content folder, per
// language.
std::map<std::string, int> find_sections(Site* site) {
  std::map<std::string, int> section_by_dir;
  for (size_t i = 0; i < site->pages.size(); ++i) {
    Page& page = site->pages[i];
    if (page.kind == PageKind::kHome) {
      (page.language == 0 ? site->home : site->languages[page.language].home) = static_cast<int>(i);
    }
    if (page.kind != PageKind::kPage)
      section_by_dir[folder_key(page.language, page.content_dir)] = static_cast<int>(i);
  }
  return section_by_dir;
}

// Gives a page its translation key, URL and output path; false when it has no URL: then it has
// no place to be written to and is placed, not rendered.
bool assign_url(const Site& site, Page& page, SlugCache* slugs, Diagnostics* diags) {
  std::string url = site.prefix_of(page.language) + "/";
  page.translation_key = translation_key_of(site, page);
  if (page.source_path.empty()) page.translation_key = "content/_index.md";  // a home page
  if (!page.source_path.empty() && !url_from_path(site, page, slugs, diags, &url)) return false;
  if (!page.front_matter.url.empty()) {
    std::string why;
    if (!normalize_site_path(page.front_matter.url, &url, &why)) {
      report(diags, page, page.front_matter.url_pos, "\"url\" " + why);
      return false;
    }
  }
  page.url = url;
  page.output_path = output_path_for_url(url);
  return true;
}

// Adds `key` to `map`, cheaply when keys come in order (pages are sorted by source path, and
// their URLs mostly follow); the element with that key, and whether it is new.
template <class Map>
std::pair<typename Map::iterator, bool> emplace_mostly_in_order(Map* map, const std::string& key,
                                                                typename Map::mapped_type value) {
  if (map->empty() || std::prev(map->end())->first < key) {
    return {map->emplace_hint(map->end(), key, std::move(value)), true};
  }
  return map->emplace(key, std::move(value));
}

// Gives each page its URL and output path and registers it by URL (reporting a URL that two pages
// claim) and by source, and groups the translations; each table in page order. A page without a
// URL is failed. A page whose front matter is broken keeps its URL, so that links to it add no
// errors of their own, but translates nothing. On one thread: on two (a8f1dff) the stage took
// longer, as each page's strings then lay in the other thread's fresh memory.
void assign_urls(Site* site, Diagnostics* diags) {
  std::vector<Page>& pages = site->pages;
  SlugCache slugs;
  for (size_t i = 0; i < pages.size(); ++i) {
    Page& page = pages[i];
    if (!assign_url(*site, page, &slugs, diags)) {
      page.failed = true;
      continue;
    }
    auto [it, inserted] =
        emplace_mostly_in_order(&site->page_by_url, page.url, static_cast<int>(i));
    if (!inserted) {
      diags->error(page.source_path, 0, 0,
                   "URL " + page.url + " is claimed by both " +
                       page_name(*site, pages[it->second]) + " and " + page.source_path);
    }
    if (!page.source_path.empty()) {
      emplace_mostly_in_order(&site->page_by_source, page.source_path, 0).first->second =
          static_cast<int>(i);
    }
    if (!page.failed) {
      emplace_mostly_in_order(&site->translations, page.translation_key, {})
          .first->second.push_back(static_cast<int>(i));
    }
  }
}

// Parents: the nearest folder above with a section page; the home page otherwise.
int find_parent(const Site& site, const std::map<std::string, int>& section_by_dir,
                const Page& page) {
  std::string dir = page.content_dir;
  if (page.kind == PageKind::kSection || page.source_path.ends_with("/index.md")) {
    size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash);
  }
  int parent = site.home_of(page.language);
  while (!dir.empty()) {
    auto it = section_by_dir.find(folder_key(page.language, dir));
    if (it != section_by_dir.end()) {
      parent = it->second;
      break;
    }
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos) break;
    dir.resize(slash);
  }
  return parent;
}

// Links every page but the home page to its parent, which lists it by weight.
void link_parents(Site* site, const std::map<std::string, int>& section_by_dir) {
  std::vector<Page>& pages = site->pages;
  for (size_t i = 0; i < pages.size(); ++i) {
    Page& page = pages[i];
    if (page.kind == PageKind::kHome) continue;
    int parent = find_parent(*site, section_by_dir, page);
    page.parent = parent;
    if (page.kind == PageKind::kSection) {
      pages[parent].sections.push_back(static_cast<int>(i));
    } else {
      pages[parent].pages.push_back(static_cast<int>(i));
    }
  }
  for (Page& page : pages) {
    sort_by_weight(*site, &page.pages);
    sort_by_weight(*site, &page.sections);
  }
}

// Registers each page's aliases, reporting the ones that are unusable or claim a taken URL.
void register_aliases(Site* site, Diagnostics* diags) {
  const std::vector<Page>& pages = site->pages;
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& page = pages[i];
    for (size_t a = 0; a < page.front_matter.aliases.size(); ++a) {
      std::string alias, why;
      SourcePos pos = page.front_matter.alias_positions[a];
      if (!normalize_site_path(page.front_matter.aliases[a], &alias, &why)) {
        report(diags, page, pos, "alias " + why);
        continue;
      }
      auto clash = site->page_by_url.find(alias);
      if (clash != site->page_by_url.end()) {
        report(diags, page, pos,
               "alias " + alias + " is the URL of " + pages[clash->second].source_path);
        continue;
      }
      auto [it, inserted] = site->aliases.emplace(alias, page.url);
      if (!inserted && it->second != page.url) {
        report(diags, page, pos, "alias " + alias + " already redirects to " + it->second);
      }
    }
  }
}

}  // namespace

bool normalize_site_path(const std::string& path, std::string* out, std::string* why) {
  if (path.empty() || path[0] != '/') {
    *why = "must start with '/'";
    return false;
  }
  if (path.find_first_of("\\?#\"<>") != std::string::npos ||
      std::any_of(path.begin(), path.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == ' '; })) {
    *why = "must not contain spaces, '\\', '?', '#', quotes or angle brackets";
    return false;
  }
  std::vector<std::string> parts;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(start, slash - start);
    if (part == ".." || part == ".") {
      *why = "would leave the output folder ('" + part + "' segment)";
      return false;
    }
    if (part.empty() && slash < path.size()) {
      *why = "must not contain '//'";
      return false;
    }
    if (!part.empty()) parts.push_back(part);
    start = slash + 1;
  }
  std::string result = "/";
  for (size_t i = 0; i < parts.size(); ++i) {
    result += parts[i];
    bool is_file = i + 1 == parts.size() && parts[i].find('.') != std::string::npos;
    if (!is_file) result += '/';
  }
  *out = result;
  return true;
}

std::string output_path_for_url(const std::string& url) {
  std::string rel = url.substr(1);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  return rel;
}

void sort_by_weight(const Site& site, std::vector<int>* indexes) {
  std::sort(indexes->begin(), indexes->end(), [&](int a, int b) {
    const Page& pa = site.pages[a];
    const Page& pb = site.pages[b];
    return std::tie(pa.front_matter.weight, pa.front_matter.title, pa.url) <
           std::tie(pb.front_matter.weight, pb.front_matter.title, pb.url);
  });
}

void resolve_urls(Site* site, Diagnostics* diags) {
  add_missing_home_pages(site);
  std::map<std::string, int> section_by_dir = find_sections(site);
  assign_urls(site, diags);
  link_parents(site, section_by_dir);
  register_aliases(site, diags);
}

}  // namespace wegwijzer
