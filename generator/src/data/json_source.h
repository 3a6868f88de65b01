#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "util/diagnostic.h"
#include "util/line_index.h"

namespace wegwijzer {

// A JSON file together with where each of its values stands, so that a problem found in the
// parsed data (a schema violation, a dangling reference) can be reported at its line and column.
struct JsonSource {
  std::string path;  // relative to the site folder
  std::string text;
  nlohmann::json value;
  std::unordered_map<std::string, size_t> offsets;  // JSON pointer -> byte offset of the value
  LineIndex lines;                                  // of `text`, made with it by parse_json_source
  // A data file's JSON Schema as data/data_files loaded it (null for other files): the checks and
  // annotations declared in it (data/schema_keywords) run after validation and need it again.
  std::shared_ptr<const JsonSource> schema;

  // Byte offset of the value at `pointer`, or of its nearest ancestor that exists.
  size_t offset_of(const std::string& pointer) const;
  LineColumn line_column_of(const std::string& pointer) const {
    return lines.at(text, offset_of(pointer));
  }
  // Adds a diagnostic positioned at the value at `pointer`.
  void report(Diagnostics* diags, Severity severity, const std::string& pointer,
              const std::string& message) const;
  void error(Diagnostics* diags, const std::string& pointer, const std::string& message) const {
    report(diags, Severity::kError, pointer, message);
  }
  void warning(Diagnostics* diags, const std::string& pointer, const std::string& message) const {
    report(diags, Severity::kWarning, pointer, message);
  }
};

// Parses `text`; problems (invalid UTF-8, syntax, nesting deeper than kMaxJsonDepth) go to `diags`.
bool parse_json_source(std::string path, std::string text, JsonSource* out, Diagnostics* diags);

constexpr int kMaxJsonDepth = 128;

// "/a~1b/0" style pointer segment.
std::string pointer_escape(const std::string& key);

}  // namespace wegwijzer
