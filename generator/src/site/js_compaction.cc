#include "site/js_compaction.h"

#include <array>

namespace wegwijzer {
namespace {

bool is_word_byte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         c == '_' || c == '$' || c == '\\';
}

// Keywords after which a '/' opens a regular expression rather than dividing.
bool is_keyword_before_expression(std::string_view word) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "return", "typeof", "case", "do",    "else",       "in",    "of",
      "new",    "delete", "void", "throw", "instanceof", "yield", "await"};
  for (auto k : kWords)
    if (word == k) return true;
  return false;
}

class JsCompactor {
 public:
  explicit JsCompactor(std::string_view js) : js_(js) { out_.reserve(js.size()); }

  std::optional<std::string> run() {
    if (!code(false) || i_ < js_.size()) return std::nullopt;
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  // Copies code up to the end, or in a template's ${...} up to its closing brace.
  bool code(bool in_substitution) {
    int depth = 0;
    while (i_ < js_.size()) {
      char c = js_[i_];
      if (c == ' ' || c == '\t' || c == '\r') {
        space_ = true;
        ++i_;
      } else if (c == '\n') {
        line_break();
        ++i_;
      } else if (js_.compare(i_, 2, "//") == 0) {
        size_t end = js_.find('\n', i_);
        i_ = end == std::string_view::npos ? js_.size() : end;
      } else if (js_.compare(i_, 2, "/*") == 0) {
        if (!block_comment()) return false;
      } else if (in_substitution && c == '}' && depth == 0) {
        return true;
      } else if (!token(c, &depth)) {
        return false;
      }
    }
    return !in_substitution;
  }

  bool token(char c, int* depth) {
    put_space_before(c);
    if (c == '\'' || c == '"') return string(c);
    if (c == '`') return template_literal();
    if (c == '/' && regex_may_start()) return regex();
    if (c == '{') ++*depth;
    if (c == '}') --*depth;
    out_ += c;
    ++i_;
    return true;
  }

  // A comment across lines ends a line for automatic semicolon insertion too.
  bool block_comment() {
    size_t end = js_.find("*/", i_ + 2);
    if (end == std::string_view::npos) return false;
    if (js_.substr(i_, end - i_).find('\n') != std::string_view::npos)
      line_break();
    else
      space_ = true;
    i_ = end + 2;
    return true;
  }

  void line_break() {
    space_ = false;
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  }

  // A space stays only where two tokens would otherwise run together.
  void put_space_before(char next) {
    if (!space_) return;
    space_ = false;
    if (out_.empty() || out_.back() == '\n') return;
    char prev = out_.back();
    if ((is_word_byte(prev) && is_word_byte(next)) ||
        ((prev == '+' || prev == '-') && next == prev) ||
        (prev == '/' && (next == '/' || next == '*')))
      out_ += ' ';
  }

  bool string(char quote) {
    size_t j = i_ + 1;
    for (; j < js_.size() && js_[j] != quote; ++j) {
      if (js_[j] == '\n') return false;
      if (js_[j] == '\\') ++j;
    }
    if (j >= js_.size()) return false;
    out_.append(js_.substr(i_, j + 1 - i_));
    i_ = j + 1;
    return true;
  }

  bool template_literal() {
    out_ += js_[i_++];
    while (i_ < js_.size() && js_[i_] != '`') {
      if (js_[i_] == '\\' && i_ + 1 < js_.size()) {
        out_.append(js_.substr(i_, 2));
        i_ += 2;
      } else if (js_.compare(i_, 2, "${") == 0) {
        out_ += "${";
        i_ += 2;
        if (!code(true)) return false;
        out_ += js_[i_++];  // the closing brace
      } else {
        out_ += js_[i_++];
      }
    }
    if (i_ >= js_.size()) return false;
    out_ += js_[i_++];
    return true;
  }

  bool regex_may_start() const {
    size_t end = out_.find_last_not_of('\n');
    if (end == std::string::npos) return true;
    char prev = out_[end];
    if (std::string_view("(,=:[!&|?{};+-*%<>~^").find(prev) != std::string_view::npos) return true;
    size_t start = end + 1;
    while (start > 0 && is_word_byte(out_[start - 1])) --start;
    return is_keyword_before_expression(std::string_view(out_).substr(start, end + 1 - start));
  }

  bool regex() {
    size_t j = i_ + 1;
    for (bool in_class = false; j < js_.size() && (in_class || js_[j] != '/'); ++j) {
      if (js_[j] == '\n') return false;
      if (js_[j] == '\\')
        ++j;
      else if (js_[j] == '[')
        in_class = true;
      else if (js_[j] == ']')
        in_class = false;
    }
    if (j >= js_.size()) return false;
    for (++j; j < js_.size() && is_word_byte(js_[j]); ++j) {
    }
    out_.append(js_.substr(i_, j - i_));
    i_ = j;
    return true;
  }

  std::string_view js_;
  size_t i_ = 0;
  std::string out_;
  bool space_ = false;
};

}  // namespace

std::optional<std::string> compact_javascript(std::string_view js) {
  return JsCompactor(js).run();
}

}  // namespace wegwijzer
