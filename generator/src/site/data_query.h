#pragma once

#include <map>
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

// The records of a lookup's list, indexed by the first {their_field: my_field} of its `match`,
// so that finding the records one record matches takes a few map lookups instead of a pass over
// the whole list for every record (342 municipalities against every region, say).
class MatchIndex {
 public:
  MatchIndex(std::vector<ConstFoundRecord> records, const nlohmann::json& match);
  // In list order, the records whose first match field holds against `mine` as record_matches
  // says (equal, or one a list holding the other); record_matches decides on the other fields.
  // Every record when `match` has no usable first field.
  std::vector<const ConstFoundRecord*> candidates(const nlohmann::json& mine) const;

 private:
  void add(const std::map<nlohmann::json, std::vector<size_t>>& map, const nlohmann::json& key,
           std::vector<size_t>* out) const;

  std::vector<ConstFoundRecord> records_;
  std::string their_field_, my_field_;  // empty: not indexed
  // Positions of the records whose field is that value: not a list, an element of their list,
  // or their whole list.
  std::map<nlohmann::json, std::vector<size_t>> values_, elements_, lists_;
};

// `pattern` with each "{field}" replaced by that string (or number) field of `record`, or of
// `extra` first; an unknown field becomes "".
std::string fill_fields(const std::string& pattern, const nlohmann::json& record,
                        const nlohmann::json& extra = nullptr);

// `object` without its list members: what a record found in "/*/x" sees of its parent.
nlohmann::json without_lists(const nlohmann::json& object);

}  // namespace wegwijzer
