#include "site/localize_links.h"

#include <string_view>

#include "util/find_text.h"

namespace wegwijzer {
namespace {

// The translation in `language` of the page at `url` ("/a/b/"), or "" when there is none.
std::string translated_url(const Site& site, std::string_view url, int language) {
  auto page = site.page_by_url.find(std::string(url));
  if (page == site.page_by_url.end() || site.pages[page->second].language == language) return "";
  int version = site.translation_in(page->second, language);
  return version >= 0 ? site.pages[version].url : "";
}

// True when the tag around `at` has an hreflang attribute.
bool tag_has_hreflang(std::string_view html, size_t at) {
  size_t open = html.rfind('<', at);
  size_t close = html.find('>', at);
  if (open == std::string_view::npos || close == std::string_view::npos) return false;
  return html.substr(open, close - open).find(" hreflang=") != std::string_view::npos;
}

}  // namespace

void localize_links(const Site& site, const Page& page, std::string* html) {
  if (page.language == 0) return;
  static constexpr std::string_view kHref = " href=\"/";
  std::string out;
  size_t done = 0;
  for (size_t at = find_text(*html, kHref); at != std::string::npos;
       at = find_text(*html, kHref, at + 1)) {
    size_t begin = at + kHref.size() - 1;
    size_t end = html->find('"', begin);
    if (end == std::string::npos) break;
    std::string_view value(html->data() + begin, end - begin);
    size_t path_end = value.find_first_of("?#");
    std::string_view path = value.substr(0, path_end);
    std::string target = translated_url(site, path, page.language);
    if (target.empty() || tag_has_hreflang(*html, at)) continue;
    out.append(*html, done, begin - done);
    out += target;
    done = begin + path.size();
  }
  if (done == 0) return;
  out.append(*html, done, std::string::npos);
  *html = std::move(out);
}

}  // namespace wegwijzer
