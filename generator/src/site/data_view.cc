#include "site/data_view.h"

#include <cctype>

#include "data/provenance.h"
#include "site/context.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

struct Viewer {
  const Strings& strings;
  const ShowPolicy& policy;
};

json view_of(const json& value, const Viewer& v);

// The shown elements of a list, and how many were left out.
json view_of_list(const json& list, const Viewer& v, size_t* hidden) {
  json out = json::array();
  for (const json& item : list) {
    if (may_be_shown(item, v.policy)) {
      out.push_back(view_of(item, v));
    } else {
      ++*hidden;
    }
  }
  return out;
}

json view_of_object(const json& object, const Viewer& v) {
  json out = json::object();
  for (const auto& [key, item] : object.items()) {
    if (v.policy.never_shown(key) || !may_be_shown(item, v.policy)) continue;
    if (!item.is_array()) {
      out[key] = view_of(item, v);
      continue;
    }
    size_t hidden = 0;
    json list = view_of_list(item, v, &hidden);
    // Derived members never replace the data's own, and lists keyed by a value (a postal code)
    // rather than a name get none: the object is a map there, not a record.
    if (std::isalpha(static_cast<unsigned char>(key[0])) != 0) {
      if (!object.contains("has_" + key)) out["has_" + key] = !list.empty();
      if (hidden > 0 && !object.contains(key + "_hidden")) out[key + "_hidden"] = hidden;
    }
    out[key] = std::move(list);
  }
  if (has_provenance(object) && !object.contains("herkomst")) {
    out["herkomst"] = herkomst_frame(object, v.strings);
  }
  return out;
}

json view_of(const json& value, const Viewer& v) {
  if (value.is_object()) return view_of_object(value, v);
  if (value.is_array()) {
    size_t hidden = 0;
    return view_of_list(value, v, &hidden);
  }
  return value;
}

}  // namespace

json template_view(const json& value, const Strings& strings, const ShowPolicy& policy) {
  return view_of(value, Viewer{strings, policy});
}

}  // namespace wegwijzer
