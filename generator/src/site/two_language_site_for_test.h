#pragma once

// For tests: a site in Dutch and English with three pages, one of them translated.

#include <string>
#include <utility>

#include "site/site.h"

namespace wegwijzer {

// /crisis/ (page 0) and its English version /en/crisis/ (page 1), and /kosten/ (page 2), which
// has none.
inline Site two_language_site_for_test() {
  Site site;
  site.languages.resize(2);
  site.languages[1].code = "en";
  site.languages[1].prefix = "/en";
  auto add = [&](const std::string& url, int language, const std::string& source) {
    Page page;
    page.url = url;
    page.language = language;
    page.translation_key = source;
    page.source_path = source;
    site.page_by_url[url] = static_cast<int>(site.pages.size());
    site.translations[source].push_back(static_cast<int>(site.pages.size()));
    site.pages.push_back(std::move(page));
  };
  add("/crisis/", 0, "content/crisis.md");
  add("/en/crisis/", 1, "content/crisis.md");
  add("/kosten/", 0, "content/kosten.md");
  return site;
}

}  // namespace wegwijzer
