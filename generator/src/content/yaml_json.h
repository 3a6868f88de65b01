#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

namespace wegwijzer {

// Converts a YAML node to JSON. Plain scalars become booleans, null, integers or floats when they
// read as such (YAML 1.2 core schema); quoted scalars stay strings.
nlohmann::json yaml_to_json(const YAML::Node& node, int depth = 0);

// What a plain (unquoted) scalar reads as: null, a boolean, an integer, a float or text.
nlohmann::json yaml_plain_scalar(const std::string& text);

}  // namespace wegwijzer
