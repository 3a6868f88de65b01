#include "content/flat_yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace wegwijzer {
namespace {

bool is_key_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_key_char(char c) {
  return is_key_start(c) || (c >= '0' && c <= '9') || c == '-';
}

// Characters YAML reads as something other than text at the start of a plain scalar.
bool is_indicator(char c) {
  return std::string_view("-?:,[]{}#&*!|>'\"%@`~").find(c) != std::string_view::npos;
}

// Bytes and sequences that YAML (1.1, as yaml-cpp reads it) treats as line breaks or a byte order
// mark, or that are not printable: a value holding one is left to yaml-cpp.
bool has_special_character(std::string_view v) {
  for (size_t i = 0; i < v.size(); ++i) {
    auto c = static_cast<unsigned char>(v[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < v.size() && static_cast<unsigned char>(v[i + 1]) == 0x85) return true;
    if (c == 0xE2 && v.substr(i, 3) == "\xE2\x80\xA8") return true;
    if (c == 0xE2 && v.substr(i, 3) == "\xE2\x80\xA9") return true;
    if (c == 0xEF && v.substr(i, 3) == "\xEF\xBB\xBF") return true;
  }
  return false;
}

// The YAML 1.2 core schema's nulls: yaml-cpp makes a null node of these, not a scalar.
bool is_null_word(std::string_view v) {
  return v == "~" || v == "null" || v == "Null" || v == "NULL";
}

bool is_plain_value(std::string_view v) {
  if (v.empty() || v.back() == ' ' || is_null_word(v)) return false;
  char first = v.front();
  // "-5" is a plain scalar; "- x" would be a list.
  bool negative_number = first == '-' && v.size() > 1 && v[1] >= '0' && v[1] <= '9';
  if (first == ' ' || (is_indicator(first) && !negative_number)) return false;
  // ':' may start a nested mapping and '#' a comment; neither is needed for ordinary values.
  return v.find_first_of(":#") == std::string_view::npos;
}

bool is_quoted_value(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return false;
  std::string_view inner = v.substr(1, v.size() - 2);
  return inner.find_first_of("\"\\") == std::string_view::npos;
}

}  // namespace

std::optional<std::vector<FlatEntry>> parse_flat_yaml(std::string_view yaml) {
  std::vector<FlatEntry> entries;
  int line = 0;
  for (size_t pos = 0; pos < yaml.size(); ++line) {
    size_t nl = yaml.find('\n', pos);
    size_t end = nl == std::string_view::npos ? yaml.size() : nl;
    std::string_view text = yaml.substr(pos, end - pos);
    pos = nl == std::string_view::npos ? yaml.size() : nl + 1;
    if (text.empty()) continue;
    if (!is_key_start(text.front())) return std::nullopt;
    size_t colon = 1;
    while (colon < text.size() && is_key_char(text[colon])) ++colon;
    if (colon + 1 >= text.size() || text[colon] != ':' || text[colon + 1] != ' ') {
      return std::nullopt;
    }
    size_t start = colon + 1;
    while (start < text.size() && text[start] == ' ') ++start;
    std::string_view value = text.substr(start);
    if (has_special_character(value)) return std::nullopt;
    FlatEntry entry;
    entry.quoted = is_quoted_value(value);
    if (!entry.quoted && !is_plain_value(value)) return std::nullopt;
    entry.key = std::string(text.substr(0, colon));
    entry.value =
        entry.quoted ? std::string(value.substr(1, value.size() - 2)) : std::string(value);
    entry.line = line;
    entry.column = static_cast<int>(start);
    for (const FlatEntry& e : entries) {
      if (e.key == entry.key) return std::nullopt;  // yaml-cpp's handling of a repeat is its own
    }
    entries.push_back(std::move(entry));
  }
  if (entries.empty()) return std::nullopt;
  return entries;
}

// The flat reader is a shortcut; this proves it against the reader it stands in for.
std::string flat_yaml_disagreement(std::string_view yaml) {
  std::optional<std::vector<FlatEntry>> flat = parse_flat_yaml(yaml);
  if (!flat) return "";
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return "yaml-cpp refuses it: " + e.msg;
  }
  if (!root.IsMap()) return "yaml-cpp reads no mapping";
  if (root.size() != flat->size()) {
    return "yaml-cpp reads " + std::to_string(root.size()) + " keys, the flat reader " +
           std::to_string(flat->size());
  }
  size_t i = 0;
  for (const auto& kv : root) {
    const FlatEntry& e = (*flat)[i++];
    const YAML::Node& v = kv.second;
    std::string where = "key " + std::to_string(i) + " (" + e.key + "): ";
    if (!kv.first.IsScalar() || kv.first.Scalar() != e.key) return where + "other key";
    if (!v.IsScalar()) return where + "yaml-cpp reads no scalar";
    if (v.Scalar() != e.value) return where + "yaml-cpp reads \"" + v.Scalar() + "\"";
    if ((v.Tag() == "!") != e.quoted) return where + "quoting differs (tag " + v.Tag() + ")";
    if (v.Mark().line != e.line || v.Mark().column != e.column) {
      return where + "yaml-cpp puts it at " + std::to_string(v.Mark().line) + ":" +
             std::to_string(v.Mark().column);
    }
  }
  return "";
}

}  // namespace wegwijzer
