#include "data/json_source.h"

#include <vector>

#include "util/utf8.h"

namespace wegwijzer {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Offset just past the string starting at text[i] (a '"').
size_t skip_string(const std::string& text, size_t i) {
  for (++i; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return text.size();
}

// Finds the first place nesting goes deeper than the limit, before a recursive consumer sees it.
size_t find_too_deep(const std::string& text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      i = skip_string(text, i) - 1;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string::npos;
}

// Walks valid JSON text and records the offset of every value under its JSON pointer.
class PositionScanner {
 public:
  PositionScanner(const std::string& text, size_t start,
                  std::unordered_map<std::string, size_t>* out)
      : text_(text), out_(out), pos_(start) {}

  void scan_value(const std::string& pointer) {
    skip_space();
    if (pos_ >= text_.size()) return;
    (*out_)[pointer] = pos_;
    char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      skip_space();
      if (peek() == '}') {
        ++pos_;
        return;
      }
      while (pos_ < text_.size()) {
        skip_space();
        size_t end = skip_string(text_, pos_);
        std::string key = nlohmann::json::parse(text_.substr(pos_, end - pos_)).get<std::string>();
        pos_ = end;
        skip_space();
        ++pos_;  // ':'
        scan_value(pointer + "/" + pointer_escape(key));
        skip_space();
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        ++pos_;  // '}'
        return;
      }
    } else if (c == '[') {
      ++pos_;
      skip_space();
      if (peek() == ']') {
        ++pos_;
        return;
      }
      for (size_t index = 0; pos_ < text_.size(); ++index) {
        scan_value(pointer + "/" + std::to_string(index));
        skip_space();
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        ++pos_;  // ']'
        return;
      }
    } else if (c == '"') {
      pos_ = skip_string(text_, pos_);
    } else {
      while (pos_ < text_.size() && !is_space(text_[pos_]) && text_[pos_] != ',' &&
             text_[pos_] != ']' && text_[pos_] != '}') {
        ++pos_;
      }
    }
  }

 private:
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  }

  const std::string& text_;
  std::unordered_map<std::string, size_t>* out_;
  size_t pos_;
};

}  // namespace

std::string pointer_escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

size_t JsonSource::offset_of(const std::string& pointer) const {
  std::string p = pointer;
  for (;;) {
    auto it = offsets.find(p);
    if (it != offsets.end()) return it->second;
    if (p.empty()) return 0;
    p.resize(p.rfind('/'));
  }
}

void JsonSource::report(Diagnostics* diags, Severity severity, const std::string& pointer,
                        const std::string& message) const {
  LineColumn lc = line_column_of(pointer);
  diags->add({severity, path, lc.line, lc.column, message, std::string(line_text(text, lc.line))});
}

bool parse_json_source(std::string path, std::string text, JsonSource* out, Diagnostics* diags) {
  out->path = std::move(path);
  out->text = std::move(text);
  const std::string& t = out->text;
  size_t bad = find_invalid_utf8(t);
  if (bad != std::string::npos) {
    LineColumn lc = line_column_at(t, bad);
    diags->error(out->path, lc.line, lc.column, "invalid UTF-8 (byte " + std::to_string(bad) + ")");
    return false;
  }
  size_t deep = find_too_deep(t);
  if (deep != std::string::npos) {
    diags->error_at(out->path, t, deep,
                    "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    return false;
  }
  try {
    out->value = nlohmann::json::parse(t.begin() + static_cast<long>(bom_length(t)), t.end());
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann counts the byte after the problem; point at the problem itself.
    size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::string message = e.what();
    size_t colon = message.rfind(": ");
    diags->error_at(
        out->path, t, at + bom_length(t),
        "invalid JSON: " + (colon == std::string::npos ? message : message.substr(colon + 2)));
    return false;
  }
  PositionScanner scanner(t, bom_length(t), &out->offsets);
  scanner.scan_value("");
  out->lines = LineIndex(t);
  return true;
}

}  // namespace wegwijzer
