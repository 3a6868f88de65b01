#include "data/facts.h"

#include <functional>

#include "data/json_access.h"
#include "data/phone.h"
#include "data/provenance.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

int line_of(const JsonSource& src, const std::string& pointer) {
  return src.line_column_of(pointer).line;
}

// "https://www.113.nl/" reads as "113.nl" in a sentence.
std::string address_text(std::string url) {
  for (const char* prefix : {"https://", "http://", "www."}) {
    if (url.starts_with(prefix)) url.erase(0, std::string(prefix).size());
  }
  if (url.ends_with("/")) url.pop_back();
  return url;
}

void link_channel(const json& v, Fact* fact) {
  std::string kind = str(v, "soort");
  if (kind == "telefoon") {
    if (auto tel = dutch_phone_to_tel(fact->value)) fact->href = "tel:" + *tel;
  } else if (kind == "email") {
    fact->href = "mailto:" + fact->value;
  } else if (kind == "chat" || kind == "website") {
    fact->href = fact->value;
    fact->text = address_text(fact->value);
  }
}

Fact fact_of(const JsonSource& src, const json& v, const std::string& pointer,
             const ShowPolicy& policy) {
  Fact fact;
  fact.id = str(v, "id");
  fact.value = fact.text = str(v, "waarde");
  link_channel(v, &fact);
  fact.shown = may_be_shown(v, policy);
  fact.file = src.path;
  fact.pointer = pointer;
  fact.line = line_of(src, pointer);
  fact.record = v;
  for (const std::string& key : policy.never) fact.record.erase(key);
  fact.source = str(v, "source");
  fact.source_titel = str(v, "source_titel");
  fact.source_datum = str(v, "source_datum");
  if (has_verification(v)) {
    fact.gecontroleerd_op = str(member(v, "gecontroleerd"), "datum");
    fact.door = str(member(v, "gecontroleerd"), "door");
  }
  return fact;
}

void collect(const JsonSource& src, const json& v, const std::string& pointer,
             const ShowPolicy& policy, FactIndex* index, Diagnostics* diags) {
  if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i)
      collect(src, v[i], pointer + "/" + std::to_string(i), policy, index, diags);
    return;
  }
  if (!v.is_object()) return;
  if (v.contains("id") && v["id"].is_string() && v.contains("waarde") && v["waarde"].is_string()) {
    Fact fact = fact_of(src, v, pointer, policy);
    auto [it, fresh] = index->emplace(fact.id, fact);
    if (!fresh) {
      src.error(diags, pointer + "/id",
                "fact id \"" + fact.id + "\" is also used at " + it->second.file + ":" +
                    std::to_string(it->second.line));
    }
  }
  for (const auto& [key, item] : v.items()) {
    collect(src, item, pointer + "/" + pointer_escape(key), policy, index, diags);
  }
}

}  // namespace

FactIndex index_facts(const DataFiles& data, Diagnostics* diags, const ShowPolicy& policy) {
  FactIndex index;
  for (const auto& [name, src] : data) collect(src, src.value, "", policy, &index, diags);
  return index;
}

}  // namespace wegwijzer
