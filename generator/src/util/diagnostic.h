#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wegwijzer {

enum class Severity { kNote, kWarning, kError };

// A problem in the input, located as precisely as the source allows.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string path;  // relative to the site directory, '/'-separated; empty for site-wide
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based, in characters; 0 when unknown
  std::string message;
  std::string source_line;  // the offending line without its newline; empty when there is none
};

// Collects the diagnostics of one stage. Not thread-safe: give each worker its own and merge.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string path, int line, int column, std::string message,
             std::string source_line = {});
  void warning(std::string path, int line, int column, std::string message,
               std::string source_line = {});
  void note(std::string path, int line, int column, std::string message,
            std::string source_line = {});
  // Adds an error at byte `offset` of `text`, filling in line, column and the source line.
  // `first_line` is the line number of text[0] in the file.
  void error_at(std::string path, std::string_view text, size_t offset, std::string message,
                int first_line = 1);

  void merge(Diagnostics&& other);
  // Orders by path, line, column and message so that output does not depend on thread timing.
  void sort();

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

// "path:line:col: error: message", then the source line and a caret under the column.
std::string format_diagnostic(const Diagnostic& d);
std::string format_diagnostics(const Diagnostics& diagnostics);

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, counted in UTF-8 characters
};
LineColumn line_column_at(std::string_view text, size_t offset);
// The text of 1-based line `line` without its line ending; empty if out of range.
std::string_view line_text(std::string_view text, int line);

}  // namespace wegwijzer
