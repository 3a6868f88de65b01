#include "site/base_path.h"

#include <array>

namespace wegwijzer {
namespace {

bool is_name_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':';
}

bool is_url_attribute(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "href", "src", "action", "formaction", "poster", "cite", "srcset"};
  for (auto n : kNames)
    if (name == n) return true;
  return name.starts_with("data-");
}

bool is_root_relative(std::string_view url) {
  return url.starts_with('/') && !url.starts_with("//");
}

// Appends `value` with base_path before each root-relative URL in it: each word that starts
// one (a list of URLs, a srcset) and, in a meta refresh's "0; url=/x/", the one after "url=".
void append_value(std::string_view value, std::string_view base_path, std::string* out) {
  for (size_t i = 0; i < value.size(); ++i) {
    bool starts_word = i == 0 || value[i - 1] == ' ' || value[i - 1] == ',' ||
                       (i >= 4 && value.substr(i - 4, 4) == "url=");
    if (starts_word && is_root_relative(value.substr(i))) out->append(base_path);
    *out += value[i];
  }
}

}  // namespace

std::string with_base_path(std::string_view url, std::string_view base_path) {
  if (base_path.empty() || !is_root_relative(url)) return std::string(url);
  return std::string(base_path) + std::string(url);
}

std::string html_with_base_path(std::string_view html, std::string_view base_path) {
  if (base_path.empty()) return std::string(html);
  std::string out;
  out.reserve(html.size() + html.size() / 32);
  size_t done = 0;
  for (size_t at = html.find("=\""); at != std::string_view::npos; at = html.find("=\"", at + 1)) {
    size_t name = at;
    while (name > 0 && is_name_byte(html[name - 1])) --name;
    std::string_view attribute = html.substr(name, at - name);
    size_t begin = at + 2;
    size_t end = html.find('"', begin);
    if (end == std::string_view::npos) break;
    std::string_view value = html.substr(begin, end - begin);
    bool refresh = attribute == "content" && value.find("url=/") != std::string_view::npos;
    if (!refresh && !is_url_attribute(attribute)) continue;
    out.append(html.substr(done, begin - done));
    append_value(value, base_path, &out);
    done = end;
    at = end;
  }
  out.append(html.substr(done));
  return out;
}

bool BasePathOutput::write(const std::string& path, std::string_view data, std::string* error) {
  if (base_path_.empty() || !path.ends_with(".html")) return inner_->write(path, data, error);
  return inner_->write(path, html_with_base_path(data, base_path_), error);
}

}  // namespace wegwijzer
