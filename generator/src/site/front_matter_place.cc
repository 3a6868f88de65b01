#include "site/front_matter_place.h"

namespace wegwijzer {

namespace {

// The first line from byte `from` of the front matter that starts (after more than `min_indent`
// spaces, -1 for any) with "key:"; its place and indentation. A line indented `min_indent` or
// less ends the search, as it ends the mapping looked in.
FrontMatterPlace find_key(const Page& page, const std::string& key, size_t from, int min_indent,
                          size_t* indent_found, size_t* next) {
  std::string_view text = page.text.substr(0, std::min(page.body_offset, page.text.size()));
  for (size_t at = from; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    size_t indent = line.find_first_not_of(' ');
    if (indent != std::string_view::npos && line[indent] != '#') {
      if (min_indent >= 0 && indent <= static_cast<size_t>(min_indent)) break;
      if (line.substr(indent).starts_with(key + ":")) {
        LineColumn lc = line_column_at(page.text, at + indent);
        *indent_found = indent;
        *next = end + 1;
        return {page.source_path, lc.line, lc.column, std::string(line)};
      }
    }
    at = end + 1;
  }
  return {page.source_path, 0, 0, ""};
}

}  // namespace

FrontMatterPlace place_of_key(const Page& page, const std::string& key) {
  size_t indent = 0, next = 0;
  return find_key(page, key, 0, -1, &indent, &next);
}

FrontMatterPlace place_of_key_in(const Page& page, const std::string& parent,
                                 const std::string& key) {
  size_t indent = 0, next = 0;
  FrontMatterPlace outer = find_key(page, parent, 0, -1, &indent, &next);
  if (outer.line == 0) return outer;
  size_t inner_indent = 0, inner_next = 0;
  FrontMatterPlace inner =
      find_key(page, key, next, static_cast<int>(indent), &inner_indent, &inner_next);
  return inner.line == 0 ? outer : inner;
}

}  // namespace wegwijzer
