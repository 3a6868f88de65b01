#include "site/data_query.h"

#include <algorithm>

#include "data/json_access.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

std::vector<std::string> segments_of(const std::string& pattern) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < pattern.size()) {
    if (pattern[at] == '/') ++at;
    size_t end = pattern.find('/', at);
    if (end == std::string::npos) end = pattern.size();
    if (end > at) out.push_back(pattern.substr(at, end - at));
    at = end;
  }
  return out;
}

template <class Json>
void collect(Json& here, const json* holder, const std::vector<std::string>& segments, size_t i,
             const std::string& pointer, std::vector<BasicFoundRecord<Json>>* out) {
  if (i == segments.size()) {
    if (!here.is_array()) return;
    for (size_t n = 0; n < here.size(); ++n) {
      if (here[n].is_object())
        out->push_back({&here[n], holder, pointer + "/" + std::to_string(n)});
    }
    return;
  }
  if (!here.is_object()) return;
  if (segments[i] == "*") {
    for (auto& [key, value] : here.items()) {
      collect(value, &here, segments, i + 1, pointer + "/" + key, out);
    }
    return;
  }
  auto it = here.find(segments[i]);
  if (it != here.end()) collect(*it, &here, segments, i + 1, pointer + "/" + segments[i], out);
}

bool same_or_contains(const json& a, const json& b) {
  if (a.is_null() || b.is_null()) return false;
  if (a.is_array() && !b.is_array()) {
    for (const json& x : a) {
      if (x == b) return true;
    }
    return false;
  }
  if (b.is_array() && !a.is_array()) return same_or_contains(b, a);
  return a == b;
}

}  // namespace

std::vector<FoundRecord> records_at(json& root, const std::string& pattern) {
  std::vector<FoundRecord> out;
  collect(root, nullptr, segments_of(pattern), 0, "", &out);
  return out;
}

std::vector<ConstFoundRecord> records_at(const json& root, const std::string& pattern) {
  std::vector<ConstFoundRecord> out;
  collect(root, nullptr, segments_of(pattern), 0, "", &out);
  return out;
}

bool record_matches(const json& theirs, const json& mine, const json& match) {
  if (!match.is_object() || match.empty()) return false;
  for (const auto& [their_field, my_field] : match.items()) {
    if (!my_field.is_string()) return false;
    if (!same_or_contains(member(theirs, their_field.c_str()),
                          member(mine, text(my_field).c_str())))
      return false;
  }
  return true;
}

MatchIndex::MatchIndex(std::vector<ConstFoundRecord> records, const json& match)
    : records_(std::move(records)) {
  if (!match.is_object() || match.empty() || !match.begin().value().is_string()) return;
  their_field_ = match.begin().key();
  my_field_ = text(match.begin().value());
  for (size_t i = 0; i < records_.size(); ++i) {
    const json& value = member(*records_[i].record, their_field_.c_str());
    if (value.is_null()) continue;
    if (!value.is_array()) {
      values_[value].push_back(i);
      continue;
    }
    lists_[value].push_back(i);
    for (const json& element : value) elements_[element].push_back(i);
  }
}

void MatchIndex::add(const std::map<json, std::vector<size_t>>& map, const json& key,
                     std::vector<size_t>* out) const {
  auto it = map.find(key);
  if (it != map.end()) out->insert(out->end(), it->second.begin(), it->second.end());
}

std::vector<const ConstFoundRecord*> MatchIndex::candidates(const json& mine) const {
  std::vector<const ConstFoundRecord*> out;
  if (their_field_.empty()) {
    for (const ConstFoundRecord& r : records_) out.push_back(&r);
    return out;
  }
  // The cases of same_or_contains, from my side.
  const json& value = member(mine, my_field_.c_str());
  std::vector<size_t> positions;
  if (value.is_array()) {
    for (const json& element : value) {
      if (!element.is_null()) add(values_, element, &positions);
    }
    add(lists_, value, &positions);
  } else if (!value.is_null()) {
    add(values_, value, &positions);
    add(elements_, value, &positions);
  }
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  for (size_t i : positions) out.push_back(&records_[i]);
  return out;
}

std::string fill_fields(const std::string& pattern, const json& record, const json& extra) {
  std::string out;
  size_t at = 0;
  while (at < pattern.size()) {
    size_t open = pattern.find('{', at);
    size_t close = open == std::string::npos ? open : pattern.find('}', open);
    if (close == std::string::npos) {
      out += pattern.substr(at);
      break;
    }
    out += pattern.substr(at, open - at);
    std::string field = pattern.substr(open + 1, close - open - 1);
    const json& from_extra = member(extra, field.c_str());
    out += scalar_text(from_extra.is_null() ? member(record, field.c_str()) : from_extra);
    at = close + 1;
  }
  return out;
}

json without_lists(const json& object) {
  json out = json::object();
  for (const auto& [key, value] : fields(object).items()) {
    if (!value.is_array()) out[key] = value;
  }
  return out;
}

}  // namespace wegwijzer
