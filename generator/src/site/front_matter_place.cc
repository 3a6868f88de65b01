#include "site/front_matter_place.h"

namespace wegwijzer {

FrontMatterPlace place_of_key(const Page& page, const std::string& key) {
  std::string_view text = page.text.substr(0, std::min(page.body_offset, page.text.size()));
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    size_t indent = line.find_first_not_of(' ');
    if (indent != std::string_view::npos && line.substr(indent).starts_with(key + ":")) {
      LineColumn lc = line_column_at(page.text, at + indent);
      return {page.source_path, lc.line, lc.column, std::string(line)};
    }
    at = end + 1;
  }
  return {page.source_path, 0, 0, ""};
}

}  // namespace wegwijzer
