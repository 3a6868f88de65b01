#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "data/provenance.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

// The site config file, wegwijzer.yaml in the site directory. Every key is optional so that a
// folder holding only content/ builds.
struct SiteConfig {
  static constexpr const char* kFileName = "wegwijzer.yaml";

  std::string title = "Wegwijzer";
  std::string description;
  // No trailing slash. Empty: a local build, without what needs an absolute address (canonical
  // links, the sitemap); never a made-up host.
  std::string base_url;
  // The path of base_url ("/wegwijzer" for https://x.github.io/wegwijzer/), "" at a host's root.
  // Pages keep their URLs from the root ("/crisis/"); what is published puts this before each
  // (site/base_path), so the site works from that folder.
  std::string base_path;
  std::string language = "nl";
  std::string data_dir = "content/data";  // JSON data files, not pages
  int stale_after_months = 12;  // facts and pages older than this: warning; twice this: error
  // Phone numbers typed into pages or templates are errors; these short numbers count too, and
  // the allowed text ("113.nl", an organisation's name) may stand as written.
  std::vector<std::string> short_numbers;
  std::vector<std::string> allowed_literals;
  // Words that do not count as long in the B1 check: the names of what the site is about.
  std::vector<std::string> readability_terms;
  nlohmann::json params = nlohmann::json::object();
  // What the site declares about its data (see docs/TEMPLATES.md): `blocks` (Markdown block
  // directives and the data each reads), `references` (fields and front matter keys that name a
  // record of a data set), `open_data` (what /data/ publishes). Each keeps where it was written,
  // for messages.
  struct Declaration {
    nlohmann::json value;  // null when absent
    int line = 0;
    int column = 0;
  };
  Declaration blocks, references, open_data;
  ShowPolicy show;  // `show`: what the data marks as not to be shown (data/provenance.h)

  // `languages`: the languages the site is also written in besides `language`, in the order
  // written; each has its own title, description and `params` keys that replace the site's.
  struct Language {
    std::string code;  // "en": pages are page.en.md, URLs /en/...
    std::string title, description;
    nlohmann::json params = nlohmann::json::object();
  };
  std::vector<Language> languages;
  // `translations: {fail_after_days: N}`: a translation whose original changed is a warning,
  // and an error once the original has been changed this many days.
  int translation_fail_after_days = 60;
  // `search: {synonyms: DIR}`: a search index per language, with the editors' synonyms in
  // DIR/<language>.yaml when that file exists. Off when `search` is absent.
  bool search = false;
  std::string search_synonyms_dir;
};

// Reads the config file if there is one; problems go to `diags`.
SiteConfig load_config(const FileSystem& fs, Diagnostics* diags);

// "https://x.nl/a/" -> "https://x.nl/a" with base_path "/a" ("" without a path); false when it is
// not an absolute http(s) URL, or has a query, a fragment, or a path that is not plain segments.
bool normalize_base_url(std::string* url, std::string* base_path);

}  // namespace wegwijzer
