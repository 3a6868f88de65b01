#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "site/site.h"
#include "site/theme.h"

namespace wegwijzer {

// Builds the Mustache context of each page as three frames, bottom first: the site (built once),
// the page's place in the tree (shared by every page of a section), and the page itself. Sharing
// the lower frames keeps a 10,000-page build from copying the menu and sibling lists per page.
// docs/TEMPLATES.md lists every value.
class ContextBuilder {
 public:
  ContextBuilder(const Site& site, const Theme& theme);

  const nlohmann::json& site_frame() const { return site_frame_; }
  // Not thread-safe: call prepare() for every page before rendering in parallel.
  void prepare(int page);
  const nlohmann::json& group_frame(int page) const;
  nlohmann::json page_frame(int page) const;

  // The absolute URL of a site path, for canonical links and the sitemap.
  std::string permalink(const std::string& url) const { return site_.config.base_url + url; }

 private:
  std::pair<int, int> group_key(int page) const;
  nlohmann::json link_list(const std::vector<int>& pages) const;

  const Site& site_;
  nlohmann::json site_frame_;
  std::map<std::pair<int, int>, nlohmann::json> groups_;
};

// "2026-11-23" -> "23 november 2026"; anything else unchanged.
std::string dutch_date(const std::string& iso_date);

// The top-level section a page lies in (the home page's child), or -1.
int top_section(const Site& site, int page);

}  // namespace wegwijzer
