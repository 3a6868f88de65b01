#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "site/site.h"
#include "util/diagnostic.h"
#include "util/string_index.h"

namespace wegwijzer {

// A link to an anchor, checked once every page's HTML exists.
struct AnchorCheck {
  int target = -1;  // page index
  std::string anchor;
  std::string from;  // source path of the linking page
  int line = 0;
  int column = 0;
};

// Rewrites the links editors write in Markdown into site URLs: "../huisarts.md#kosten" becomes
// "/a/b/#kop"; a relative link to an image or a bundle file becomes that file's
// URL. Links to things that do not exist are errors.
class LinkResolver {
 public:
  // `outputs` are the other files the build writes (assets, sitemap.xml, data exports), as URLs.
  LinkResolver(const Site& site, std::vector<std::string> outputs);

  // Resolves `href`, written at (line, column) of page `from`. Returns the new destination, or
  // nullopt to keep it. Problems go to `diags`; anchors to check later go to `anchors`.
  std::optional<std::string> resolve(int from, const std::string& href, int line, int column,
                                     Diagnostics* diags, std::vector<AnchorCheck>* anchors) const;

  // The page at a site URL (with or without its trailing '/'), or -1. `exact`, when given, says
  // whether `url` is that page's URL as it is.
  int page_at(std::string_view url, bool* exact = nullptr) const;
  bool file_at(const std::string& url) const;

 private:
  int in_language(int target, int language) const;
  const Site& site_;
  // site_.page_by_url again, hashed: every link of every page is looked up here, and the sorted
  // map compares long common prefixes ("/onderwerp-012/pagina-0...") all the way down.
  StringIndex page_by_url_;
  std::map<std::string, std::string>
      content_file_urls_;             // "content/a/b/foto.png" -> "/a/b/foto.png"
  std::vector<std::string> outputs_;  // sorted
};

// Every id="..." in `html`, for anchor checks.
std::vector<std::string> collect_ids(std::string_view html);

}  // namespace wegwijzer
