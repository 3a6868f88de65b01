#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "content/front_matter.h"
#include "data/facts.h"
#include "markdown/markdown.h"
#include "site/config.h"
#include "site/strings.h"

namespace wegwijzer {

enum class PageKind { kHome, kSection, kPage };

// One page of the site: from Markdown (source_path set) or derived from data (source_path empty,
// `derived` holds its context).
struct Page {
  std::string source_path;  // "content/a/b.md"
  // The whole file, shared with the build memo, which keeps it for the next build: never changed
  // once loaded, so neither needs to hand it to the other. `text` views `text_holder`.
  std::shared_ptr<const std::string> text_holder;
  std::string_view text;
  PageKind kind = PageKind::kPage;
  FrontMatter front_matter;
  size_t body_offset = 0;  // where the Markdown body starts in `text`
  int body_first_line = 1;
  std::string url;          // "/a/b/"
  std::string output_path;  // "a/b/index.html"
  std::string content_dir;  // folder whose resources belong to the page: "content/a/b" for a bundle
  int parent = -1;          // index of the section page, -1 for the home page
  std::vector<int> pages;   // for sections: child pages, by weight then title
  std::vector<int> sections;           // for sections: child sections, by weight then title
  std::vector<std::string> resources;  // bundle files to copy, content-relative paths
  std::string layout;                  // template name chosen in the resolve stage
  bool failed = false;                 // unreadable or bad front matter: placed, not rendered
  // Index into Site::languages (0: the site's own language). Pages with the same
  // translation_key are translations of each other: the source path without the language
  // ("content/a/b.md") or, for a page made from data, its data set, list and record.
  int language = 0;
  std::string translation_key;

  // Derived pages (data-driven) carry their own template context and need no Markdown.
  bool derived = false;
  // Made by data_pages: the page whose front matter declares them (the section, or the original
  // of a translated section without a declaration of its own); -1 for the other derived pages,
  // which open_data in the site's configuration makes.
  int declared_in = -1;
  nlohmann::json derived_context;

  // Filled by the render stage.
  // The rendered body, shared with the memo in the same way; null before the markdown stage, for
  // pages made from data, and once a one-shot build has written the page.
  std::shared_ptr<const markdown::Rendered> rendered;
  const markdown::Rendered& body_rendered() const;

  std::string_view body() const { return text.substr(std::min(body_offset, text.size())); }
  void set_text(std::string text);  // owns it from now on
};

// What differs per language in what templates see. The site's own language comes first; its
// words and data are Site::strings and Site::data, which the other languages leave empty.
struct SiteLanguage {
  std::string code;    // "en"
  std::string prefix;  // "" for the site's own language, "/en" for the others
  std::string title, description;
  nlohmann::json params = nlohmann::json::object();
  Strings strings;
  nlohmann::json data = nlohmann::json::object();  // site.data in this language
  int home = -1;
  FactIndex facts;  // the facts, their text in this language
};

struct Site {
  SiteConfig config;
  Strings strings;                                  // the theme's words in the site's language
  std::vector<Page> pages;                          // sorted by source path; derived pages after
  std::map<std::string, int> page_by_url;           // "/a/b/" -> index
  std::map<std::string, int> page_by_source;        // "content/a/b.md" -> index
  std::map<std::string, std::string> static_files;  // output path -> content-relative source
  std::map<std::string, std::string> aliases;       // alias URL -> target URL
  std::map<std::string, std::string> generated;     // other output paths (data exports) -> bytes
  nlohmann::json data = nlohmann::json::object();   // published data sets (site.data.<name>)
  // Every key of the records that references and blocks name, shown or not, by
  // "<data>#<list>/<key>" (site/data_references): "held back" and "unknown" are different errors.
  std::map<std::string, std::set<std::string>> data_ids;
  FactIndex facts;  // what prose can name with {{< feit id="..." >}}, shown or not
  int home = -1;
  std::vector<SiteLanguage> languages;  // the site's own language first
  // translation_key -> the pages that share it, one per language at most.
  std::map<std::string, std::vector<int>> translations;

  const Strings& strings_of(int language) const {
    return language == 0 ? strings : languages[language].strings;
  }
  const nlohmann::json& data_of(int language) const {
    return language == 0 ? data : languages[language].data;
  }
  nlohmann::json& data_of(int language) { return language == 0 ? data : languages[language].data; }
  int home_of(int language) const { return language == 0 ? home : languages[language].home; }
  const FactIndex& facts_of(int language) const {
    return language == 0 ? facts : languages[language].facts;
  }
  // "" for the site's own language (also in a Site made without `languages`, as tests make).
  std::string prefix_of(int language) const {
    return language == 0 ? std::string() : languages[language].prefix;
  }
  std::string code_of(int language) const {
    return language == 0 ? config.language : languages[language].code;
  }
  size_t language_count() const { return std::max<size_t>(1, languages.size()); }
  // The version of `page` in `language` (the page itself when it is in it), or -1.
  int translation_in(int page, int language) const;
  bool multilingual() const { return languages.size() > 1; }
};

// How every message names a page: its file; for a page made from data, its URL and the file
// whose data_pages made it; for a home page the site made up, why it did.
std::string page_name(const Site& site, const Page& page);

}  // namespace wegwijzer
