#include "data/json_access.h"

#include <algorithm>

namespace wegwijzer {
namespace {

using nlohmann::json;

// One escaped pointer token: "a~1b" names the member "a/b".
std::string unescape(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[++i] == '1' ? '/' : '~';
    } else {
      out += token[i];
    }
  }
  return out;
}

const json* child(const json& v, std::string_view token) {
  if (v.is_object()) {
    auto it = v.find(unescape(token));
    return it == v.end() ? nullptr : &*it;
  }
  bool index = v.is_array() && !token.empty() && token.size() < 10 &&
               (token == "0" || token[0] != '0') &&
               std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!index) return nullptr;
  size_t i = std::stoul(std::string(token));
  return i < v.size() ? &v[i] : nullptr;
}

}  // namespace

const json* at_pointer(const json& root, std::string_view pointer) {
  if (pointer.empty()) return &root;
  if (pointer[0] != '/') return nullptr;
  const json* at = &root;
  for (size_t start = 1;;) {
    size_t end = pointer.find('/', start);
    at = child(*at, pointer.substr(start, end == std::string_view::npos ? end : end - start));
    if (!at || end == std::string_view::npos) return at;
    start = end + 1;
  }
}

json* at_pointer(json& root, std::string_view pointer) {
  return const_cast<json*>(at_pointer(static_cast<const json&>(root), pointer));
}

std::string scalar_text(const json& v) {
  if (v.is_string()) return text(v);
  if (v.is_number() || v.is_boolean()) return v.dump();
  return "";
}

}  // namespace wegwijzer
