#include "site/data_references.h"

#include <unordered_map>

#include "data/json_access.h"
#include "site/data_query.h"
#include "site/front_matter_place.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

// What names a record: {data, list, key}.
struct RecordKey {
  std::string data, list, key;
  std::string id() const { return data + "#" + list + "/" + key; }
};

RecordKey record_key(const json& decl) {
  return {str(decl, "data"), str(decl, "list"), str(decl, "key")};
}

// Every key value of the declared lists in the data as written, shown or not: "held back" and
// "unknown" are different messages.
void note_all_keys(Site* site, const DataFiles& raw, const RecordKey& k) {
  auto file = raw.find(k.data);
  if (file == raw.end() || k.key.empty()) return;
  std::set<std::string>& keys = site->data_ids[k.id()];
  for (const ConstFoundRecord& r : records_at(file->second.value, k.list))
    keys.insert(str(*r.record, k.key.c_str()));
}

// The records of a declared list in `lang`'s data by their key, the first of each key. The
// walk below adds members beside the names it meets, which leaves the records where they are.
std::unordered_map<std::string, const json*> records_by_key(Site* site, int lang,
                                                            const RecordKey& k) {
  std::unordered_map<std::string, const json*> out;
  json& data = site->data_of(lang);
  if (!data.contains(k.data)) return out;
  for (const FoundRecord& r : records_at(data[k.data], k.list))
    out.emplace(str(*r.record, k.key.c_str()), r.record);
  return out;
}

// Adds `<field>_record` beside every `field` that names a record, anywhere in `value`.
void resolve_in(json* value, const std::string& field,
                const std::unordered_map<std::string, const json*>& records) {
  if (value->is_array()) {
    for (json& item : *value) resolve_in(&item, field, records);
    return;
  }
  if (!value->is_object()) return;
  for (auto& [key, item] : value->items()) resolve_in(&item, field, records);
  const json& named = member(*value, field.c_str());
  if (!named.is_string()) return;
  if (auto it = records.find(text(named)); it != records.end()) {
    json copy = *it->second;
    (*value)[field + "_record"] = std::move(copy);
  }
}

// A page's `field: <key>` in front matter: the record and the list it is part of.
void resolve_page(Site* site, Page* page, const std::string& field, const RecordKey& k,
                  Diagnostics* diags) {
  const json& named = member(page->front_matter.params, field.c_str());
  if (!named.is_string()) return;
  std::string value = text(named);
  if (!site->data_ids[k.id()].count(value)) {
    place_of_key(*page, field)
        .error(diags, "unknown " + field + " \"" + value + "\" (no record with " + k.key + " \"" +
                          value + "\" in " + k.data + ")");
    return;
  }
  json list = json::array();
  json current;
  json& data = site->data_of(page->language);
  if (data.contains(k.data)) {
    for (const FoundRecord& r : records_at(data[k.data], k.list)) {
      json item = *r.record;
      item["current"] = str(item, k.key.c_str()) == value;
      if (item["current"] == true) current = item;
      list.push_back(std::move(item));
    }
  }
  if (!page->derived_context.is_object()) page->derived_context = json::object();
  page->derived_context[field + "_record"] = std::move(current);
  page->derived_context[field + "_list_count"] = list.size();
  page->derived_context[field + "_list"] = std::move(list);
}

}  // namespace

void add_references(Site* site, const DataFiles& raw, int lang, Diagnostics* diags) {
  const SiteConfig::Declaration& refs = site->config.references;
  for (const auto& [name, decl] : fields(site->config.blocks.value).items()) {
    if (!str(decl, "key").empty()) note_all_keys(site, raw, record_key(decl));
  }
  for (const auto& [field, decl] : fields(refs.value).items()) {
    RecordKey k = record_key(decl);
    if (k.data.empty() || k.list.empty() || k.key.empty()) {
      diags->error(SiteConfig::kFileName, refs.line, refs.column,
                   "references: \"" + field + "\" needs data, list and key");
      continue;
    }
    note_all_keys(site, raw, k);
    const auto records = records_by_key(site, lang, k);
    for (auto& [set, value] : site->data_of(lang).items()) resolve_in(&value, field, records);
    for (Page& page : site->pages) {
      if (page.language == lang) resolve_page(site, &page, field, k, diags);
    }
  }
}

std::optional<json> declared_block_context(const Site& site, const markdown::BlockDirective& block,
                                           int lang, std::string* error) {
  const json& decl = member(site.config.blocks.value, block.name.c_str());
  if (!decl.is_object()) return json{{"block", json::object()}};  // a block of the theme alone
  RecordKey k = record_key(decl);
  if (k.data.empty()) return json{{"block", json::object()}};
  const json& data_set = member(site.data_of(lang), k.data.c_str());
  if (k.key.empty()) return json{{"block", data_set}};
  auto arg = block.args.find(str(decl, "arg"));
  std::string value = arg == block.args.end() ? std::string() : arg->second;
  for (const ConstFoundRecord& r : records_at(data_set, k.list)) {
    if (str(*r.record, k.key.c_str()) == value) return json{{"block", *r.record}};
  }
  auto all = site.data_ids.find(k.id());
  if (all != site.data_ids.end() && all->second.count(value)) {
    return json{{"block", {{"hidden", true}, {k.key, value}}}};
  }
  *error = "unknown " + block.name + " \"" + value + "\" (no record with " + k.key + " \"" + value +
           "\" in " + k.data + ")";
  return std::nullopt;
}

}  // namespace wegwijzer
