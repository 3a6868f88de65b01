#include "site/links.h"

#include <algorithm>
#include <cctype>

#include "util/file_system.h"
#include "util/find_text.h"

namespace wegwijzer {
namespace {

bool has_scheme(const std::string& href) {
  if (href.empty() || !std::isalpha(static_cast<unsigned char>(href[0]))) return false;
  for (char c : href) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return false;
}

// "%20" -> " " so that editors can link files with spaces in their names.
std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

LinkResolver::LinkResolver(const Site& site, std::vector<std::string> outputs)
    : site_(site), page_by_url_(site.page_by_url.size()), outputs_(std::move(outputs)) {
  for (const auto& [url, index] : site.page_by_url) page_by_url_.insert(url, index);
  for (const auto& [out, src] : site.static_files) content_file_urls_[src] = "/" + out;
  for (const Page& page : site.pages) {
    for (const std::string& res : page.resources) {
      content_file_urls_[res] = page.url + res.substr(page.content_dir.size() + 1);
    }
  }
  for (const auto& [path, bytes] : site.generated) outputs_.push_back("/" + path);
  std::sort(outputs_.begin(), outputs_.end());
}

int LinkResolver::page_at(std::string_view url, bool* exact) const {
  int found = page_by_url_.find(url);
  if (exact) *exact = found >= 0;
  if (found < 0 && !url.ends_with("/")) found = page_by_url_.find(std::string(url) + "/");
  return found;
}

bool LinkResolver::file_at(const std::string& url) const {
  if (std::binary_search(outputs_.begin(), outputs_.end(), url)) return true;
  if (site_.aliases.count(url)) return true;
  return url.size() > 1 && site_.static_files.count(url.substr(1));
}

// A page in another language links to the translation in its language where there is one
// (site/localize_links does the same for the links of templates and data).
int LinkResolver::in_language(int target, int language) const {
  if (language == 0) return target;
  int version = site_.translation_in(target, language);
  return version >= 0 ? version : target;
}

std::optional<std::string> LinkResolver::resolve(int from, const std::string& href, int line,
                                                 int column, Diagnostics* diags,
                                                 std::vector<AnchorCheck>* anchors) const {
  if (href.empty() || has_scheme(href) || href.starts_with("//")) return std::nullopt;
  const Page& page = site_.pages[from];
  auto fail = [&](const std::string& message) {
    diags->error(page.source_path, line, column, message, std::string(line_text(page.text, line)));
    return std::nullopt;
  };
  // Views into `href`: every page's links come through here, and most need no copy at all.
  std::string_view path = href, anchor, query;
  if (size_t hash = path.find('#'); hash != std::string_view::npos) {
    anchor = path.substr(hash + 1);
    path = path.substr(0, hash);
  }
  if (size_t q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q);
    path = path.substr(0, q);
  }
  auto check_anchor = [&](int target) {
    if (!anchor.empty())
      anchors->push_back({target, percent_decode(anchor), page.source_path, line, column});
  };
  auto with_suffix = [&](const std::string& url) {
    std::string out = url;
    out.append(query);
    if (!anchor.empty()) out.append("#").append(anchor);
    return out;
  };

  if (path.empty()) {
    check_anchor(from);
    return std::nullopt;
  }
  if (path[0] == '/') {
    std::string decoded_copy;
    std::string_view decoded = path;
    if (path.find('%') != std::string_view::npos) decoded = decoded_copy = percent_decode(path);
    bool exact = false;
    int found = page_at(decoded, &exact);
    if (found >= 0) {
      int target = in_language(found, page.language);
      check_anchor(target);
      // The table's keys are the pages' URLs: an exact hit is the link as it should be, which
      // spares reading the page (a cache miss for each of the corpus's 40,000 links).
      if (exact && target == found) return std::nullopt;
      const std::string& url = site_.pages[target].url;
      return url == decoded ? std::nullopt : std::optional(with_suffix(url));
    }
    if (file_at(std::string(decoded))) return std::nullopt;
    return fail("broken link: no page or file at " + std::string(path));
  }

  if (page.source_path.empty()) return std::nullopt;  // derived pages only hold absolute links
  std::string resolved;
  if (!normalize_relative(dir_of(page.source_path) + "/" + percent_decode(path), &resolved) ||
      !resolved.starts_with("content/")) {
    return fail("broken link: " + std::string(path) + " points outside content/");
  }
  if (resolved.ends_with(".md")) {
    auto it = site_.page_by_source.find(resolved);
    if (it == site_.page_by_source.end()) {
      return fail("broken link: " + resolved + " does not exist (or is a draft)");
    }
    int target = in_language(it->second, page.language);
    check_anchor(target);
    return with_suffix(site_.pages[target].url);
  }
  for (const char* index : {"/_index.md", "/index.md"}) {
    auto it = site_.page_by_source.find(resolved + index);
    if (it != site_.page_by_source.end()) {
      int target = in_language(it->second, page.language);
      check_anchor(target);
      return with_suffix(site_.pages[target].url);
    }
  }
  auto file = content_file_urls_.find(resolved);
  if (file != content_file_urls_.end()) return with_suffix(file->second);
  return fail("broken link: " + resolved + " does not exist");
}

std::vector<std::string> collect_ids(std::string_view html) {
  std::vector<std::string> ids;
  for (size_t pos = find_text(html, " id=\""); pos != std::string_view::npos;
       pos = find_text(html, " id=\"", pos + 1)) {
    size_t start = pos + 5;
    size_t end = html.find('"', start);
    if (end == std::string_view::npos) break;
    ids.emplace_back(html.substr(start, end - start));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace wegwijzer
