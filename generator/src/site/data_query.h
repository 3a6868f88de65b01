#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace wegwijzer {

// Finding records in a data set by what a site declares (data pages, lookups, references,
// blocks). Lenient like data/json_access.h: a value of another shape finds nothing.

// A record and where it is; `Json` is nlohmann::json, or const nlohmann::json for read-only data.
template <class Json>
struct BasicFoundRecord {
  Json* record = nullptr;
  const nlohmann::json* parent = nullptr;  // the object that holds the list, for "/*/items"
  std::string pointer;                     // "/places/3"
};
using FoundRecord = BasicFoundRecord<nlohmann::json>;
using ConstFoundRecord = BasicFoundRecord<const nlohmann::json>;

// The elements of the lists at `pattern` ("/places", or "/*/items" for the list `items` of
// every member) that are objects, in order.
std::vector<FoundRecord> records_at(nlohmann::json& root, const std::string& pattern);
std::vector<ConstFoundRecord> records_at(const nlohmann::json& root, const std::string& pattern);

// True when every {their_field: my_field} of `match` holds between `theirs` and `mine`: equal
// values, or one is a list holding the other.
bool record_matches(const nlohmann::json& theirs, const nlohmann::json& mine,
                    const nlohmann::json& match);

// `pattern` with each "{field}" replaced by that string (or number) field of `record`, or of
// `extra` first; an unknown field becomes "".
std::string fill_fields(const std::string& pattern, const nlohmann::json& record,
                        const nlohmann::json& extra = nullptr);

// `object` without its list members: what a record found in "/*/x" sees of its parent.
nlohmann::json without_lists(const nlohmann::json& object);

}  // namespace wegwijzer
