#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "site/site.h"
#include "site/theme.h"

namespace wegwijzer {

// Builds the Mustache context of each page as three frames, bottom first: the site (built once),
// the page's place in the tree (shared by every page of a section), and the page itself. Sharing
// the lower frames keeps a 10,000-page build from copying the menu and sibling lists per page.
// docs/TEMPLATES.md lists every value.
//
// Each frame also has a fingerprint: a hash of exactly the values the frame is made of, computed
// by the same code that builds it but without building it, so that an incremental build can tell
// whether a page's HTML would come out the same without paying for its context.
class ContextBuilder {
 public:
  ContextBuilder(const Site& site, const Theme& theme);

  // The site frame of a language (an index into Site::languages).
  const nlohmann::json& site_frame(int language = 0) const { return site_frames_[language]; }
  // The frame of the page's place in the tree, built afresh and kept by the caller: pages are
  // rendered one group at a time and each frame dropped when its group is done. Thread-safe.
  nlohmann::json make_group_frame(int page) const;
  // Pages with the same key share their group frame.
  std::pair<int, int> group_key(int page) const;
  nlohmann::json page_frame(int page) const;
  // The same frame, written into `frame`, which may hold another page's: what the two share is
  // filled again in place rather than made anew. Thread-safe for distinct frames.
  void fill_page_frame(int page, nlohmann::json* frame) const;

  uint64_t site_fingerprint() const;  // hashes every language's site frame: once per build
  // Thread-safe and cheap: nothing is built.
  uint64_t group_fingerprint(int page) const;
  // `rendered_hash` must be rendered_fingerprint(page's rendered body): the incremental build
  // keeps it, so that 10,000 page bodies need not be hashed again. Thread-safe.
  uint64_t page_fingerprint(int page, uint64_t rendered_hash) const;

  // The absolute URL of a site path, for canonical links and the sitemap.
  std::string permalink(const std::string& url) const { return site_.config.base_url + url; }

 private:
  template <class Writer>
  void write_link_list(Writer& w, const char* key, const std::vector<int>& pages) const;
  template <class Writer>
  void write_group_frame(int page, Writer& w) const;
  template <class Writer>
  void write_page_frame(int page, Writer& w) const;
  template <class Writer>
  void write_translations(int page, Writer& w) const;
  nlohmann::json make_site_frame(int language, const Theme& theme) const;

  const Site& site_;
  std::vector<nlohmann::json> site_frames_;
};

// A hash of everything in a rendered Markdown body.
uint64_t rendered_fingerprint(const markdown::Rendered& rendered);

// xxh3 of a JSON value's structure and contents, without serialising it.
uint64_t json_fingerprint(const nlohmann::json& value);

// Where a record of the data comes from, as templates show it (partials/herkomst): its source's
// title, address and date in the site's words, and a recorded check (`gecontroleerd`) or false.
nlohmann::json herkomst_frame(const nlohmann::json& record, const Strings& strings);

// The top-level section a page lies in (the home page's child), or -1.
int top_section(const Site& site, int page);

}  // namespace wegwijzer
