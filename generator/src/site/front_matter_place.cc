#include "site/front_matter_place.h"

#include <optional>

namespace wegwijzer {

namespace {

struct FoundKey {
  FrontMatterPlace place;  // line 0 when not found
  size_t indent = 0;       // of the key's line
  size_t next = 0;         // where the line after it starts
};

// The first line from byte `from` of the front matter that starts (after indentation) with
// "key:". With `within` (a mapping's own indentation) a line indented no further ends the
// search, as it ends that mapping. Comment lines are skipped.
FoundKey find_key(const Page& page, const std::string& key, size_t from,
                  std::optional<size_t> within) {
  std::string_view text = page.text.substr(0, std::min(page.body_offset, page.text.size()));
  for (size_t at = from; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    size_t indent = line.find_first_not_of(' ');
    if (indent != std::string_view::npos && line[indent] != '#') {
      if (within && indent <= *within) break;
      if (line.substr(indent).starts_with(key + ":")) {
        LineColumn lc = line_column_at(page.text, at + indent);
        return {{page.source_path, lc.line, lc.column, std::string(line)}, indent, end + 1};
      }
    }
    at = end + 1;
  }
  return {{page.source_path, 0, 0, ""}};
}

}  // namespace

FrontMatterPlace place_of_key(const Page& page, const std::string& key) {
  return find_key(page, key, 0, std::nullopt).place;
}

FrontMatterPlace place_of_key_in(const Page& page, const std::string& parent,
                                 const std::string& key) {
  FoundKey outer = find_key(page, parent, 0, std::nullopt);
  if (outer.place.line == 0) return outer.place;
  FoundKey inner = find_key(page, key, outer.next, outer.indent);
  return inner.place.line == 0 ? outer.place : inner.place;
}

}  // namespace wegwijzer
