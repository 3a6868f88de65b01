#include "content/front_matter.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <type_traits>

#include "content/flat_yaml.h"
#include "content/yaml_json.h"
#include "util/utf8.h"

namespace wegwijzer {
namespace {

// The delimiter line without its line ending, or empty when the line is something else.
bool is_delimiter_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

struct Reader {
  const std::string& path;
  std::string_view text;
  Diagnostics* diags;
  bool ok = true;

  void error(const YAML::Mark& mark, int yaml_first_line, const std::string& message) {
    int line = mark.line + yaml_first_line;
    std::string source(line_text(text, line));
    // yaml-cpp may point past the end of the line (at the end of the input).
    int column = std::min(mark.column + 1, static_cast<int>(source.size()) + 1);
    diags->error(path, line, column, message, std::move(source));
    ok = false;
  }
};

// Reads `count` digits at `*at` and moves past them.
bool digits(std::string_view s, size_t* at, size_t count) {
  for (size_t end = *at + count; *at < end; ++*at) {
    if (*at >= s.size() || s[*at] < '0' || s[*at] > '9') return false;
  }
  return true;
}

// Reads `c` at `*at` if it is there.
bool skip(std::string_view s, size_t* at, char c) {
  if (*at >= s.size() || s[*at] != c) return false;
  ++*at;
  return true;
}

// YYYY-MM-DD, then optionally a time: [T ]hh:mm[:ss][.fraction][Z|+hh:mm|+hhmm]. Read by hand:
// std::regex_match took as long as the rest of a page's front matter.
bool is_date_text(std::string_view s) {
  size_t at = 0;
  if (!digits(s, &at, 4) || !skip(s, &at, '-') || !digits(s, &at, 2) || !skip(s, &at, '-') ||
      !digits(s, &at, 2)) {
    return false;
  }
  if (at == s.size()) return true;
  if (!skip(s, &at, 'T') && !skip(s, &at, ' ')) return false;
  if (!digits(s, &at, 2) || !skip(s, &at, ':') || !digits(s, &at, 2)) return false;
  if (skip(s, &at, ':') && !digits(s, &at, 2)) return false;
  if (skip(s, &at, '.')) {
    size_t first = at;
    while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
    if (at == first) return false;
  }
  if (at == s.size()) return true;
  if (skip(s, &at, 'Z')) return at == s.size();
  if (!skip(s, &at, '+') && !skip(s, &at, '-')) return false;
  if (!digits(s, &at, 2)) return false;
  skip(s, &at, ':');
  return digits(s, &at, 2) && at == s.size();
}

bool valid_calendar_date(const std::string& s) {
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// What the key dispatch asks of a value, from yaml-cpp's node or the flat reader's entry alike.
bool is_scalar(const YAML::Node& v) {
  return v.IsScalar();
}
bool is_scalar(const FlatEntry&) {
  return true;
}
const std::string& scalar(const YAML::Node& v) {
  return v.Scalar();
}
const std::string& scalar(const FlatEntry& e) {
  return e.value;
}
bool is_quoted(const YAML::Node& v) {
  return v.Tag() == "!";
}
bool is_quoted(const FlatEntry& e) {
  return e.quoted;
}
YAML::Mark mark(const YAML::Node& v) {
  return v.Mark();
}
YAML::Mark mark(const FlatEntry& e) {
  YAML::Mark m;
  m.line = e.line;
  m.column = e.column;
  return m;
}
nlohmann::json to_json(const YAML::Node& v) {
  return yaml_to_json(v);
}
nlohmann::json to_json(const FlatEntry& e) {
  return e.quoted ? nlohmann::json(e.value) : yaml_plain_scalar(e.value);
}

// A text value into `dest`; false (reported) when the value is not text.
template <class Value>
bool text_value(Reader& r, const std::string& key, const Value& v, std::string* dest) {
  if (!is_scalar(v)) {
    r.error(mark(v), 2, "\"" + key + "\" must be text");
    return false;
  }
  *dest = scalar(v);
  return true;
}

template <class Value>
SourcePos source_pos(const Value& v) {
  return SourcePos{mark(v).line + 2, mark(v).column + 1};
}

template <class Value>
void read_title(Reader& r, const Value& v, FrontMatter* fm, bool* has_title) {
  *has_title = true;  // when of the wrong type, reported as such
  if (text_value(r, "title", v, &fm->title) &&
      fm->title.find_first_not_of(" \t") == std::string::npos) {
    r.error(mark(v), 2, "\"title\" is empty");
  }
}

// `date` or `lastmod`.
template <class Value>
void read_date(Reader& r, const std::string& key, const Value& v, FrontMatter* fm) {
  std::string value;
  if (!text_value(r, key, v, &value)) return;
  if (!is_date_text(value) || !valid_calendar_date(value)) {
    r.error(mark(v), 2, "\"" + key + "\" must be a date like 2026-11-23");
  } else if (key == "date") {
    fm->date = value;
  } else {
    fm->lastmod = value;
    fm->lastmod_pos = source_pos(v);
  }
}

// A plain (unquoted) scalar as JSON; null for anything else.
template <class Value>
nlohmann::json plain_scalar_json(const Value& v) {
  return is_scalar(v) && !is_quoted(v) ? to_json(v) : nlohmann::json();
}

template <class Value>
void read_weight(Reader& r, const Value& v, FrontMatter* fm) {
  nlohmann::json j = plain_scalar_json(v);
  if (!j.is_number_integer()) {
    r.error(mark(v), 2, "\"weight\" must be a whole number");
  } else {
    fm->weight = static_cast<int>(j.template get<long long>());
  }
}

template <class Value>
void read_draft(Reader& r, const Value& v, FrontMatter* fm) {
  nlohmann::json j = plain_scalar_json(v);
  if (!j.is_boolean()) {
    r.error(mark(v), 2, "\"draft\" must be true or false");
  } else {
    fm->draft = j.template get<bool>();
  }
}

// One alias, or a list of them (only yaml-cpp's nodes are lists).
template <class Value>
void read_aliases(Reader& r, const Value& v, FrontMatter* fm) {
  if (is_scalar(v)) {
    fm->aliases.push_back(scalar(v));
    fm->alias_positions.push_back(source_pos(v));
    return;
  }
  if constexpr (std::is_same_v<Value, YAML::Node>) {
    if (v.IsSequence()) {
      for (const auto& item : v) {
        if (!item.IsScalar()) {
          r.error(item.Mark(), 2, "each alias must be a URL path");
          continue;
        }
        fm->aliases.push_back(item.Scalar());
        fm->alias_positions.push_back(source_pos(item));
      }
      return;
    }
  }
  r.error(mark(v), 2, "\"aliases\" must be a list of URL paths");
}

// Every key not read above is kept in `params`.
template <class Value>
void read_param(Reader& r, const std::string& key, const Value& v, FrontMatter* fm) {
  try {
    fm->params[key] = to_json(v);
  } catch (const std::exception& e) {
    r.error(mark(v), 2, "\"" + key + "\": " + e.what());
  }
}

template <class Value>
void read_key(Reader& r, const std::string& key, const Value& v, FrontMatter* out,
              bool* has_title) {
  if (key == "title") {
    read_title(r, v, out, has_title);
  } else if (key == "description") {
    text_value(r, key, v, &out->description);
  } else if (key == "summary") {
    text_value(r, key, v, &out->summary);
  } else if (key == "slug") {
    if (text_value(r, key, v, &out->slug)) out->slug_pos = source_pos(v);
  } else if (key == "url") {
    if (text_value(r, key, v, &out->url)) out->url_pos = source_pos(v);
  } else if (key == "layout") {
    if (text_value(r, key, v, &out->layout)) out->layout_pos = source_pos(v);
  } else if (key == "checked") {
    r.error(mark(v), 2,
            "\"checked\" is now \"lastmod\": the date the text last changed (facts are checked "
            "in the data, not pages)");
  } else if (key == "date" || key == "lastmod") {
    read_date(r, key, v, out);
  } else if (key == "weight") {
    read_weight(r, v, out);
  } else if (key == "draft") {
    read_draft(r, v, out);
  } else if (key == "aliases") {
    read_aliases(r, v, out);
  } else {
    read_param(r, key, v, out);
  }
}

// The line '---' that closes the front matter.
struct ClosingDelimiter {
  size_t yaml_end;    // where the line starts
  size_t body_begin;  // where the line after it starts
  int line;
};

std::optional<ClosingDelimiter> find_closing_delimiter(std::string_view text, size_t yaml_begin) {
  size_t pos = yaml_begin;
  int line = 2;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view l =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (is_delimiter_line(l)) {
      return ClosingDelimiter{pos, nl == std::string_view::npos ? text.size() : nl + 1, line};
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    ++line;
  }
  return std::nullopt;
}

// Front matter the flat reader cannot read, through yaml-cpp; false when it is not YAML or not
// a mapping (reported).
bool read_yaml_front_matter(Reader& r, std::string_view yaml, FrontMatter* fm, bool* has_title) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp 0.7 gives this one the message "bad file".
    r.error(e.mark, 2, "invalid YAML in front matter: nested too deeply");
    return false;
  } catch (const YAML::Exception& e) {
    r.error(e.mark, 2, "invalid YAML in front matter: " + e.msg);
    return false;
  }
  if (root.IsNull()) {
    r.diags->error(r.path, 1, 1, "front matter has no \"title\"",
                   std::string(line_text(r.text, 1)));
    return false;
  }
  if (!root.IsMap()) {
    r.error(root.Mark(), 2, "front matter must be a mapping of keys to values");
    return false;
  }
  for (const auto& kv : root) read_key(r, kv.first.Scalar(), kv.second, fm, has_title);
  return true;
}

}  // namespace

bool parse_page_source(const std::string& path, std::string_view text, ParsedSource* out,
                       Diagnostics* diags) {
  size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    LineColumn lc = line_column_at(text, bad);
    diags->error(path, lc.line, lc.column, "invalid UTF-8 (byte " + std::to_string(bad) + ")");
    return false;
  }
  size_t start = bom_length(text);
  if (text.find_first_not_of(" \t\r\n", start) == std::string_view::npos) {
    diags->error(path, 1, 1,
                 "the file is empty: a page starts with front matter, a line '---', a line "
                 "'title: ...' and a line '---'");
    return false;
  }
  size_t first_nl = text.find('\n', start);
  std::string_view first_line = text.substr(
      start, first_nl == std::string_view::npos ? std::string_view::npos : first_nl - start);
  if (!is_delimiter_line(first_line)) {
    diags->error(path, 1, 1, "missing front matter: a page starts with a line '---'",
                 std::string(line_text(text, 1)));
    return false;
  }
  // Find the closing delimiter line.
  size_t yaml_begin = first_nl == std::string_view::npos ? text.size() : first_nl + 1;
  std::optional<ClosingDelimiter> closing = find_closing_delimiter(text, yaml_begin);
  if (!closing) {
    diags->error(path, 1, 1, "unterminated front matter: no closing '---' line",
                 std::string(line_text(text, 1)));
    return false;
  }
  out->body = text.substr(closing->body_begin);
  out->body_first_line = closing->line + 1;

  Reader r{path, text, diags};
  FrontMatter& fm = out->front_matter;
  bool has_title = false;
  std::string_view yaml = text.substr(yaml_begin, closing->yaml_end - yaml_begin);
  if (std::optional<std::vector<FlatEntry>> flat = parse_flat_yaml(yaml)) {
    for (const FlatEntry& entry : *flat) read_key(r, entry.key, entry, &fm, &has_title);
  } else if (!read_yaml_front_matter(r, yaml, &fm, &has_title)) {
    return false;
  }
  if (!has_title) {
    diags->error(path, 1, 1, "front matter has no \"title\"", std::string(line_text(text, 1)));
    return false;
  }
  return r.ok;
}

}  // namespace wegwijzer
