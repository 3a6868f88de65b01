#include "content/front_matter.h"

#include <algorithm>
#include <optional>
#include <regex>
#include <type_traits>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

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

const std::regex& date_pattern() {
  static const std::regex re(
      R"(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?)");
  return re;
}

bool valid_calendar_date(const std::string& s) {
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// What the key dispatch asks of a value, from yaml-cpp's node or the flat reader's entry alike.
bool is_scalar(const YAML::Node& v) { return v.IsScalar(); }
bool is_scalar(const FlatEntry&) { return true; }
const std::string& scalar(const YAML::Node& v) { return v.Scalar(); }
const std::string& scalar(const FlatEntry& e) { return e.value; }
bool is_quoted(const YAML::Node& v) { return v.Tag() == "!"; }
bool is_quoted(const FlatEntry& e) { return e.quoted; }
YAML::Mark mark(const YAML::Node& v) { return v.Mark(); }
YAML::Mark mark(const FlatEntry& e) {
  YAML::Mark m;
  m.line = e.line;
  m.column = e.column;
  return m;
}
nlohmann::json to_json(const YAML::Node& v) { return yaml_to_json(v); }
nlohmann::json to_json(const FlatEntry& e) {
  return e.quoted ? nlohmann::json(e.value) : yaml_plain_scalar(e.value);
}

template <class Value>
void read_key(Reader& r, const std::string& key, const Value& v, FrontMatter* out,
              bool* has_title) {
  FrontMatter& fm = *out;
  auto string_value = [&](const Value& v, std::string* dest) {
    if (!is_scalar(v)) {
      r.error(mark(v), 2, "\"" + key + "\" must be text");
      return false;
    }
    *dest = scalar(v);
    return true;
  };
  auto pos_of = [](const auto& v) { return SourcePos{mark(v).line + 2, mark(v).column + 1}; };
  if (key == "title") {
    *has_title = true;  // when of the wrong type, reported as such
    if (string_value(v, &fm.title) && fm.title.find_first_not_of(" \t") == std::string::npos) {
      r.error(mark(v), 2, "\"title\" is empty");
    }
  } else if (key == "description") {
    string_value(v, &fm.description);
  } else if (key == "summary") {
    string_value(v, &fm.summary);
  } else if (key == "slug") {
    if (string_value(v, &fm.slug)) fm.slug_pos = pos_of(v);
  } else if (key == "url") {
    if (string_value(v, &fm.url)) fm.url_pos = pos_of(v);
  } else if (key == "layout") {
    if (string_value(v, &fm.layout)) fm.layout_pos = pos_of(v);
  } else if (key == "checked") {
    r.error(mark(v), 2,
            "\"checked\" is now \"lastmod\": the date the text last changed (facts are checked "
            "in the data, not pages)");
  } else if (key == "date" || key == "lastmod") {
    std::string value;
    if (string_value(v, &value)) {
      if (!std::regex_match(value, date_pattern()) || !valid_calendar_date(value)) {
        r.error(mark(v), 2, "\"" + key + "\" must be a date like 2026-11-23");
      } else if (key == "date") {
        fm.date = value;
      } else {
        fm.lastmod = value;
        fm.lastmod_pos = pos_of(v);
      }
    }
  } else if (key == "weight") {
    nlohmann::json j = is_scalar(v) && !is_quoted(v) ? to_json(v) : nlohmann::json();
    if (!j.is_number_integer()) {
      r.error(mark(v), 2, "\"weight\" must be a whole number");
    } else {
      fm.weight = static_cast<int>(j.template get<long long>());
    }
  } else if (key == "draft") {
    nlohmann::json j = is_scalar(v) && !is_quoted(v) ? to_json(v) : nlohmann::json();
    if (!j.is_boolean()) {
      r.error(mark(v), 2, "\"draft\" must be true or false");
    } else {
      fm.draft = j.template get<bool>();
    }
  } else if (key == "aliases") {
    if (is_scalar(v)) {
      fm.aliases.push_back(scalar(v));
      fm.alias_positions.push_back(pos_of(v));
      return;
    }
    if constexpr (std::is_same_v<Value, YAML::Node>) {
      if (v.IsSequence()) {
        for (const auto& item : v) {
          if (!item.IsScalar()) {
            r.error(item.Mark(), 2, "each alias must be a URL path");
            continue;
          }
          fm.aliases.push_back(item.Scalar());
          fm.alias_positions.push_back(pos_of(item));
        }
        return;
      }
    }
    r.error(mark(v), 2, "\"aliases\" must be a list of URL paths");
  } else {
    try {
      fm.params[key] = to_json(v);
    } catch (const std::exception& e) {
      r.error(mark(v), 2, "\"" + key + "\": " + e.what());
    }
  }
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
  std::string_view first_line =
      text.substr(start, first_nl == std::string_view::npos ? std::string_view::npos : first_nl - start);
  if (!is_delimiter_line(first_line)) {
    diags->error(path, 1, 1, "missing front matter: a page starts with a line '---'",
                 std::string(line_text(text, 1)));
    return false;
  }
  // Find the closing delimiter line.
  size_t yaml_begin = first_nl == std::string_view::npos ? text.size() : first_nl + 1;
  size_t pos = yaml_begin;
  int line = 2;
  size_t yaml_end = std::string_view::npos, body_begin = text.size();
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (is_delimiter_line(l)) {
      yaml_end = pos;
      body_begin = nl == std::string_view::npos ? text.size() : nl + 1;
      break;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    ++line;
  }
  if (yaml_end == std::string_view::npos) {
    diags->error(path, 1, 1, "unterminated front matter: no closing '---' line",
                 std::string(line_text(text, 1)));
    return false;
  }
  out->body = text.substr(body_begin);
  out->body_first_line = line + 1;

  Reader r{path, text, diags};
  FrontMatter& fm = out->front_matter;
  bool has_title = false;
  std::string_view yaml = text.substr(yaml_begin, yaml_end - yaml_begin);
  if (std::optional<std::vector<FlatEntry>> flat = parse_flat_yaml(yaml)) {
    for (const FlatEntry& entry : *flat) read_key(r, entry.key, entry, &fm, &has_title);
  } else {
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
      diags->error(path, 1, 1, "front matter has no \"title\"", std::string(line_text(text, 1)));
      return false;
    }
    if (!root.IsMap()) {
      r.error(root.Mark(), 2, "front matter must be a mapping of keys to values");
      return false;
    }
    for (const auto& kv : root) read_key(r, kv.first.Scalar(), kv.second, &fm, &has_title);
  }
  if (!has_title) {
    diags->error(path, 1, 1, "front matter has no \"title\"", std::string(line_text(text, 1)));
    return false;
  }
  return r.ok;
}

}  // namespace wegwijzer
