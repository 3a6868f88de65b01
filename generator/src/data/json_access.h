#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace wegwijzer {

// Lenient, typed reads of data files. The data code must never trust that a value has the type
// its schema asks for: a file that fails its schema may still reach it (issue 12), and then a
// missing key or a value of another type gives an empty string, an empty list or null, never an
// exception. Use these instead of get<...>(), at(), value() or operator[] on const json.

// The string `v`, or "" when it is not a string.
inline std::string text(const nlohmann::json& v) {
  return v.is_string() ? v.get_ref<const std::string&>() : std::string();
}

// The member `key` of the object `v`, or null when `v` is no object or lacks it.
inline const nlohmann::json& member(const nlohmann::json& v, const char* key) {
  static const nlohmann::json kNull;
  if (!v.is_object()) return kNull;
  auto it = v.find(key);
  return it == v.end() ? kNull : *it;
}

// The string member `key` of `v`, or "".
inline std::string str(const nlohmann::json& v, const char* key) {
  return text(member(v, key));
}

// `v` when it is an array, else an empty array: `for (const json& x : elements(v))` visits
// nothing rather than the value itself (ranging over a json string or number visits it once).
inline const nlohmann::json& elements(const nlohmann::json& v) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  return v.is_array() ? v : kEmpty;
}

// `v` when it is an object, else an empty object: safe for `.items()`.
inline const nlohmann::json& fields(const nlohmann::json& v) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  return v.is_object() ? v : kEmpty;
}

// The array member `key` of `v` (empty when absent or of another type).
inline const nlohmann::json& list_of(const nlohmann::json& v, const char* key) {
  return elements(member(v, key));
}

// The value at the JSON pointer `pointer` ("/a/0/b", "" for `root`) in `root`, or nullptr when
// there is none or the pointer is malformed; "~1" and "~0" are unescaped. Unlike nlohmann's
// json_pointer it never throws.
const nlohmann::json* at_pointer(const nlohmann::json& root, std::string_view pointer);
nlohmann::json* at_pointer(nlohmann::json& root, std::string_view pointer);

// A value as text, for a CSV field, a key or a pattern: a string as written, a number or boolean
// as JSON writes it; null, lists and objects have none ("").
std::string scalar_text(const nlohmann::json& v);

}  // namespace wegwijzer
