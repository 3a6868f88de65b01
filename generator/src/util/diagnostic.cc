#include "util/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace wegwijzer {

void Diagnostics::error(std::string path, int line, int column, std::string message,
                        std::string source_line) {
  items_.push_back({Severity::kError, std::move(path), line, column, std::move(message),
                    std::move(source_line)});
}

void Diagnostics::warning(std::string path, int line, int column, std::string message,
                          std::string source_line) {
  items_.push_back({Severity::kWarning, std::move(path), line, column, std::move(message),
                    std::move(source_line)});
}

void Diagnostics::error_at(std::string path, std::string_view text, size_t offset,
                           std::string message, int first_line) {
  LineColumn lc = line_column_at(text, offset);
  std::string source(line_text(text, lc.line));
  error(std::move(path), lc.line + first_line - 1, lc.column, std::move(message),
        std::move(source));
}

void Diagnostics::note(std::string path, int line, int column, std::string message,
                       std::string source_line) {
  items_.push_back(
      {Severity::kNote, std::move(path), line, column, std::move(message), std::move(source_line)});
}

void Diagnostics::merge(Diagnostics&& other) {
  items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                std::make_move_iterator(other.items_.end()));
  other.items_.clear();
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.line, a.column, a.message) <
           std::tie(b.path, b.line, b.column, b.message);
  });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                             return a.severity == b.severity && a.path == b.path &&
                                    a.line == b.line && a.column == b.column &&
                                    a.message == b.message;
                           }),
               items_.end());
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

size_t Diagnostics::warning_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kWarning; });
}

static bool is_continuation_byte(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.path.empty()) {
    out += d.path;
    if (d.line > 0) {
      out += ':' + std::to_string(d.line);
      if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
  }
  out += d.severity == Severity::kError     ? "error: "
         : d.severity == Severity::kWarning ? "warning: "
                                            : "note: ";
  out += d.message;
  out += '\n';
  if (!d.source_line.empty()) {
    out += "  " + d.source_line + '\n';
    if (d.column > 0) {
      // Keep tabs so the caret lines up in a terminal; count characters, not bytes.
      std::string pad = "  ";
      int column = 1;
      for (size_t i = 0; i < d.source_line.size() && column < d.column; ++i) {
        unsigned char c = d.source_line[i];
        if (is_continuation_byte(c)) continue;
        pad += c == '\t' ? '\t' : ' ';
        ++column;
      }
      out += pad + "^\n";
    }
  }
  return out;
}

std::string format_diagnostics(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += format_diagnostic(d);
  return out;
}

LineColumn line_column_at(std::string_view text, size_t offset) {
  LineColumn lc;
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    unsigned char c = text[i];
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if (!is_continuation_byte(c)) {
      ++lc.column;
    }
  }
  return lc;
}

std::string_view line_text(std::string_view text, int line) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  if (start > text.size()) return {};
  std::string_view result = text.substr(start, end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

}  // namespace wegwijzer
