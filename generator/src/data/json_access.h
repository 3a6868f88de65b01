#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace wegwijzer {

// Lenient reads for data that the schema has already checked: a missing key or a value of
// another type gives an empty string or null rather than an exception.
inline std::string str(const nlohmann::json& v, const char* key) {
  return v.is_object() && v.contains(key) && v[key].is_string() ? v[key].get<std::string>() : "";
}

inline const nlohmann::json& member(const nlohmann::json& v, const char* key) {
  static const nlohmann::json kNull;
  return v.is_object() && v.contains(key) ? v[key] : kNull;
}

}  // namespace wegwijzer
