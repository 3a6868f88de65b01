#include "content/yaml_json.h"

#include <charconv>
#include <regex>
#include <stdexcept>

namespace wegwijzer {
namespace {

// Deeper structures are not meant for front matter; refuse rather than recurse without bound.
constexpr int kMaxDepth = 64;
// YAML aliases share one node however often they are used, so a few lines ("billion laughs")
// can stand for more values than memory holds once copied into JSON. Front matter and the config
// never need this many.
constexpr size_t kMaxValues = 100000;

}  // namespace

nlohmann::json yaml_plain_scalar(const std::string& s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  long long i = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
  if (ec == std::errc() && ptr == s.data() + s.size()) return i;
  static const std::regex kFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (std::regex_match(s, kFloat)) return std::stod(s);
  return s;
}

namespace {

nlohmann::json convert(const YAML::Node& node, int depth, size_t* budget) {
  if (depth > kMaxDepth) throw std::runtime_error("nested more than 64 levels deep");
  if (*budget == 0) {
    throw std::runtime_error("more than " + std::to_string(kMaxValues) +
                             " values (aliases repeated too often?)");
  }
  --*budget;
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      return node.Tag() == "!" ? nlohmann::json(node.Scalar()) : yaml_plain_scalar(node.Scalar());
    case YAML::NodeType::Sequence: {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& item : node) arr.push_back(convert(item, depth + 1, budget));
      return arr;
    }
    case YAML::NodeType::Map: {
      nlohmann::json obj = nlohmann::json::object();
      for (const auto& kv : node)
        obj[kv.first.as<std::string>()] = convert(kv.second, depth + 1, budget);
      return obj;
    }
  }
  return nullptr;
}

}  // namespace

nlohmann::json yaml_to_json(const YAML::Node& node, int depth) {
  size_t budget = kMaxValues;
  return convert(node, depth, &budget);
}

}  // namespace wegwijzer
