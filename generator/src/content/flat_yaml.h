#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wegwijzer {

// One `key: value` line of a flat YAML mapping.
struct FlatEntry {
  std::string key;
  std::string value;
  bool quoted = false;  // "..." (YAML tag "!"): always a string; otherwise a plain scalar
  int line = 0;         // of the value, 0-based within the YAML text, like YAML::Mark
  int column = 0;       // 0-based byte column of the value (its opening quote when quoted)
};

// Reads the YAML that nearly every page's front matter is: one `key: value` line per key, each
// value a one-line plain scalar or a double-quoted string without escapes. The result is what
// yaml-cpp makes of the same text, key for key, value for value and position for position; for
// anything outside that subset (comments, lists, flow or block collections, escapes, nulls,
// repeated keys, CRLF, tabs...) it returns nullopt and the caller uses yaml-cpp. yaml-cpp needs
// about 25 µs a page, this about 1.
std::optional<std::vector<FlatEntry>> parse_flat_yaml(std::string_view yaml);

// "" when the flat reader either declines `yaml` or reads exactly what yaml-cpp reads (the same
// keys, values, quoting and positions); otherwise what differs. The fuzz target and a
// randomized test hold the flat reader to it.
std::string flat_yaml_disagreement(std::string_view yaml);

}  // namespace wegwijzer
