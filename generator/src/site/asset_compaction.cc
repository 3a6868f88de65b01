#include "site/asset_compaction.h"

#include "site/js_compaction.h"

namespace wegwijzer {
namespace {

// Drops lines that are empty or only spaces.
std::string without_blank_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r\n") != std::string_view::npos) out.append(line);
    start = end;
  }
  return out;
}

std::string css_without_comments(std::string_view css) {
  std::string out;
  out.reserve(css.size());
  char quote = 0;
  for (size_t i = 0; i < css.size(); ++i) {
    char c = css[i];
    if (quote) {
      out += c;
      if (c == '\\' && i + 1 < css.size())
        out += css[++i];
      else if (c == quote)
        quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
      out += c;
    } else if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) break;  // an unclosed comment runs to the end
      i = end + 1;
    } else {
      out += c;
    }
  }
  return without_blank_lines(out);
}

}  // namespace

std::string compact_asset(std::string_view path, std::string_view bytes) {
  if (path.ends_with(".css")) return css_without_comments(bytes);
  if (path.ends_with(".js")) return compact_javascript(bytes).value_or(std::string(bytes));
  return std::string(bytes);
}

}  // namespace wegwijzer
