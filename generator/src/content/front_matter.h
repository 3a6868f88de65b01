#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace wegwijzer {

// Where a front matter value stood in its file, for diagnostics found in later stages.
struct SourcePos {
  int line = 0;
  int column = 0;
};

struct FrontMatter {
  std::string title;
  std::string description;
  std::string date;     // "YYYY-MM-DD" (a time part, if given, is kept after it)
  std::string lastmod;  // when the text last changed, "YYYY-MM-DD"
  std::string slug;
  std::string url;
  std::string layout;
  std::string summary;
  int weight = 0;
  bool draft = false;
  std::vector<std::string> aliases;
  std::vector<SourcePos> alias_positions;
  SourcePos slug_pos, url_pos, layout_pos, lastmod_pos;
  nlohmann::json params = nlohmann::json::object();  // every key not listed above
};

struct ParsedSource {
  FrontMatter front_matter;
  std::string_view body;  // Markdown after the front matter, a view into the given text
  int body_first_line = 1;
};

// Splits `text` (a whole file) into YAML front matter between '---' lines and the Markdown body,
// and reads the front matter. Problems go to `diags` under `path` with positions in the original
// file; returns false when the file cannot be used as a page.
bool parse_page_source(const std::string& path, std::string_view text, ParsedSource* out,
                       Diagnostics* diags);

}  // namespace wegwijzer
