#include "site/open_data.h"

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "data/data_files.h"
#include "data/json_access.h"
#include "site/base_path.h"
#include "site/url_resolver.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

// Reads the declaration leniently and reports at its position. YAML gives one position for the
// whole `open_data` mapping, so every message names the entry it is about ("open_data.csv[1]").
class Reader {
 public:
  Reader(const SiteConfig::Declaration& decl, Diagnostics* diags) : decl_(decl), diags_(diags) {}

  void error(const std::string& where, const std::string& message) const {
    diags_->error(SiteConfig::kFileName, decl_.line, decl_.column, where + ": " + message);
  }

  // True when `v` is a mapping with only `known` keys. Every other key is reported: a misspelt
  // key would otherwise silently change what is published.
  bool mapping(const json& v, const std::string& where,
               const std::vector<std::string>& known) const {
    if (!v.is_object()) {
      error(where, "must be a mapping");
      return false;
    }
    bool ok = true;
    for (const auto& [key, value] : v.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string names;
      for (const std::string& k : known) names += (names.empty() ? "" : ", ") + k;
      error(where, "unknown key \"" + key + "\" (known: " + names + ")");
      ok = false;
    }
    return ok;
  }

  // The non-empty text `key` of `v`. Absent is fine when not `required` (`out` stays as it is).
  bool read_text(const json& v, const char* key, const std::string& where, bool required,
                 std::string* out) const {
    const json& m = member(v, key);
    if (m.is_null() && !required) return true;
    if (!text(m).empty()) {
      *out = text(m);
      return true;
    }
    error(where, "\"" + std::string(key) + (m.is_null() ? "\" is missing" : "\" must be a text"));
    return false;
  }

  // The non-empty list of texts `key` of `v`.
  bool read_texts(const json& v, const char* key, const std::string& where,
                  std::vector<std::string>* out) const {
    const json& m = member(v, key);
    bool ok = m.is_array() && !m.empty();
    for (const json& item : elements(m)) ok = ok && !text(item).empty();
    if (!ok) {
      error(where, "\"" + std::string(key) +
                       (m.is_null() ? "\" is missing" : "\" must be a list of texts"));
      return false;
    }
    for (const json& item : m) out->push_back(text(item));
    return true;
  }

  // The whole number `key` of `v`, at least `min`. Absent is fine when not `required`.
  bool read_int(const json& v, const char* key, const std::string& where, bool required, int min,
                int* out) const {
    const json& m = member(v, key);
    if (m.is_null() && !required) return true;
    if (m.is_number_integer() && m.get<long long>() >= min && m.get<long long>() <= 1000000) {
      *out = static_cast<int>(m.get<long long>());
      return true;
    }
    error(where,
          "\"" + std::string(key) +
              (m.is_null() ? "\" is missing"
                           : "\" must be a whole number, " + std::to_string(min) + " or more"));
    return false;
  }

 private:
  const SiteConfig::Declaration& decl_;
  Diagnostics* diags_;
};

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string row;
  for (size_t i = 0; i < cells.size(); ++i) row += (i ? "," : "") + csv_field(cells[i]);
  return row + "\n";
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// An output path the declaration may name: relative and made of plain segments, so that no file
// lands outside the output folder or under a name a server would read differently.
bool plain_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  size_t start = 0;
  for (size_t end = 0; end != std::string::npos; start = end + 1) {
    end = path.find('/', start);
    std::string segment = path.substr(start, end == std::string::npos ? end : end - start);
    if (segment.empty() || segment == "." || segment == ".." ||
        !std::all_of(segment.begin(), segment.end(),
                     [](char c) { return is_alnum(c) || c == '.' || c == '_' || c == '-'; }))
      return false;
  }
  return true;
}

struct OpenData {
  Site* site;
  Reader reader;
  std::map<std::string, std::string> csv_of_set;  // data set -> URL of its first CSV
  std::string about;  // pointer to each data set's object with its source, licence, ...
  std::map<std::string, std::string> about_fields;  // "source", "licence", ... -> its field

  // The list (`kind` "list") or map ("map") that `entry` names with `data` and the pointer `kind`.
  const json* source(const json& entry, const std::string& where, const char* kind,
                     std::string* name = nullptr) const {
    std::string data, pointer;
    if (!reader.read_text(entry, "data", where, true, &data) ||
        !reader.read_text(entry, kind, where, true, &pointer))
      return nullptr;
    auto set = site->data.find(data);
    if (set == site->data.end()) {
      reader.error(where, "no data set \"" + data + "\" (" + site->config.data_dir + "/" + data +
                              ".json is missing or was not used)");
      return nullptr;
    }
    const json* value = at_pointer(*set, pointer);
    bool list = std::string(kind) == "list";
    if (!value || (list ? !value->is_array() : !value->is_object())) {
      reader.error(where, "\"" + pointer + "\" is not a " + (list ? "list" : "mapping") +
                              " in the data set \"" + data + "\"");
      return nullptr;
    }
    if (name) *name = data;
    return value;
  }

  // Adds a file unless the path is unusable or taken (by a data set's JSON, say).
  bool put(const std::string& where, const std::string& path, std::string bytes) {
    if (!plain_path(path)) {
      reader.error(
          where,
          "\"" + path + "\" is not a plain relative file path (letters, digits, . _ - and /)");
      return false;
    }
    if (!site->generated.emplace(path, std::move(bytes)).second) {
      reader.error(where, "the file \"" + path + "\" is written twice");
      return false;
    }
    return true;
  }
};

// `to`: values looked up as the `key` field of the records of another list.
struct Lookup {
  std::map<std::string, const json*> by_key;  // the first record with that key
  std::vector<std::string> fields;            // what an index takes of it, or a CSV's one field
};

bool read_lookup(const OpenData& od, const json& entry, const std::string& where, bool csv,
                 Lookup* out) {
  const json& to = member(entry, "to");
  std::string at = where + ".to";
  std::string key, field;
  if (!od.reader.mapping(to, at, {"data", "list", "key", csv ? "field" : "fields"})) return false;
  const json* list = od.source(to, at, "list");
  if (!list || !od.reader.read_text(to, "key", at, true, &key)) return false;
  if (csv ? !od.reader.read_text(to, "field", at, true, &field)
          : !od.reader.read_texts(to, "fields", at, &out->fields))
    return false;
  if (csv) out->fields = {field};
  for (const json& record : *list) {
    std::string k = scalar_text(member(record, key.c_str()));
    if (!k.empty()) out->by_key.emplace(k, &record);
  }
  return true;
}

// Calls `f` with each value of a map's key: the elements of a list, or the value itself.
void each_value(const json& values, const std::function<void(const std::string&)>& f) {
  if (!values.is_array()) {
    if (!scalar_text(values).empty()) f(scalar_text(values));
    return;
  }
  for (const json& v : values) {
    if (!scalar_text(v).empty()) f(scalar_text(v));
  }
}

// One CSV: a row per record of a list, or a row per (key, value) of a map, plus the field `to`
// looks up for the value. Returns the data set it is made from, "" when it was not made.
std::string add_csv(OpenData* od, const json& entry, const std::string& where) {
  bool is_map = !member(entry, "map").is_null();
  std::string file, data;
  std::vector<std::string> columns;
  std::vector<std::string> known = {"file", "data", "list", "columns"};
  if (is_map) known = {"file", "data", "map", "columns", "to"};
  if (!od->reader.mapping(entry, where, known) ||
      !od->reader.read_text(entry, "file", where, true, &file) ||
      !od->reader.read_texts(entry, "columns", where, &columns))
    return "";
  const json* records = od->source(entry, where, is_map ? "map" : "list", &data);
  if (!records) return "";
  std::string csv = csv_row(columns);
  if (!is_map) {
    for (const json& record : *records) {
      if (!record.is_object()) continue;
      std::vector<std::string> cells;
      for (const std::string& c : columns) cells.push_back(scalar_text(member(record, c.c_str())));
      csv += csv_row(cells);
    }
  } else {
    Lookup to;
    bool looks_up = !member(entry, "to").is_null();
    if (looks_up && !read_lookup(*od, entry, where, true, &to)) return "";
    if (columns.size() != (looks_up ? 3u : 2u)) {
      od->reader.error(where, looks_up ? "\"columns\" must name 3: the key, the value, the field"
                                       : "\"columns\" must name 2: the key and the value");
      return "";
    }
    for (const auto& [key, values] : records->items()) {
      each_value(values, [&](const std::string& value) {
        auto it = to.by_key.find(value);
        if (!looks_up) {
          csv += csv_row({key, value});
        } else if (it != to.by_key.end()) {
          csv += csv_row({key, value, scalar_text(member(*it->second, to.fields[0].c_str()))});
        }
      });
    }
  }
  return od->put(where, file, std::move(csv)) ? data : "";
}

// A record's field as an index publishes it: `url`, the record's page, as published (under the
// site's path), since the browser follows it.
json published(const OpenData& od, const json& record, const std::string& field) {
  const json& value = member(record, field.c_str());
  if (field != "url" || !value.is_string()) return value;
  return with_base_path(value.get<std::string>(), od.site->config.base_path);
}

// The name index: `[[term, ...], url]` for every record with a page, its terms the texts (and the
// texts in lists) of the fields `terms` names, each once. The finder shows the first term.
void add_names_index(OpenData* od, const json& entry, const std::string& where) {
  std::string file;
  std::vector<std::string> fields;
  if (!od->reader.mapping(entry, where, {"file", "data", "list", "terms"}) ||
      !od->reader.read_text(entry, "file", where, true, &file) ||
      !od->reader.read_texts(entry, "terms", where, &fields))
    return;
  const json* records = od->source(entry, where, "list");
  if (!records) return;
  json names = json::array();
  for (const json& record : *records) {
    std::string url = str(record, "url");
    json terms = json::array();
    auto add = [&](const json& term) {
      if (!text(term).empty() && std::find(terms.begin(), terms.end(), term) == terms.end())
        terms.push_back(term);
    };
    for (const std::string& f : fields) {
      const json& value = member(record, f.c_str());
      if (value.is_array()) {
        for (const json& v : value) add(v);
      } else {
        add(value);
      }
    }
    // The finder links to it from the browser: the page as published, under the site's path.
    if (!url.empty() && !terms.empty())
      names.push_back({std::move(terms), with_base_path(url, od->site->config.base_path)});
  }
  od->put(where, file, json_for_publishing(names, -1));
}

// The key index in shards: a key goes to the file named by its first `shard` characters, as
// `{key: [entry, ...]}`, one entry per value (the fields `to` names of the record it looks up, or
// the value itself). Keys whose first characters are not letters or digits name no file.
void add_shards(OpenData* od, const json& entry, const std::string& where) {
  std::string file;
  int shard = 0;
  if (!od->reader.mapping(entry, where, {"file", "data", "map", "shard", "to"}) ||
      !od->reader.read_text(entry, "file", where, true, &file) ||
      !od->reader.read_int(entry, "shard", where, true, 1, &shard))
    return;
  size_t at = file.find("{shard}");
  if (at == std::string::npos) {
    od->reader.error(where, "\"file\" must contain {shard}, where the shard's name goes");
    return;
  }
  const json* records = od->source(entry, where, "map");
  Lookup to;
  bool looks_up = !member(entry, "to").is_null();
  if (!records || (looks_up && !read_lookup(*od, entry, where, false, &to))) return;
  std::map<std::string, json> shards;
  for (const auto& [key, values] : records->items()) {
    size_t n = static_cast<size_t>(shard);
    if (key.size() < n || !std::all_of(key.begin(), key.begin() + n, is_alnum)) continue;
    json entries = json::array();
    each_value(values, [&](const std::string& value) {
      auto it = to.by_key.find(value);
      if (!looks_up) {
        entries.push_back(value);
      } else if (it != to.by_key.end()) {
        json fields = json::array();
        for (const std::string& f : to.fields) fields.push_back(published(*od, *it->second, f));
        entries.push_back(std::move(fields));
      }
    });
    shards[key.substr(0, n)][key] = std::move(entries);
  }
  for (const auto& [name, keys] : shards) {
    std::string path = file;
    path.replace(at, 7, name);
    od->put(where, path, json_for_publishing(keys, -1));
  }
}

// Where each data set says where it comes from: `about` and the names of its `fields`.
void read_about(OpenData* od, const json& decl) {
  const json& fields = member(decl, "fields");
  od->reader.read_text(decl, "about", "open_data", false, &od->about);
  if (fields.is_null()) return;
  const std::string where = "open_data.fields";
  if (!od->reader.mapping(fields, where, {"source", "licence", "attribution", "date"})) return;
  for (const auto& [what, name] : fields.items()) {
    od->reader.read_text(fields, what.c_str(), where, true, &od->about_fields[what]);
  }
}

// Every data set with its files and what its `about` object says of source and licence, in name
// order; `newest` becomes the newest date among them.
json datasets(const OpenData& od, std::string* newest) {
  json sets = json::array();
  for (const auto& [name, value] : od.site->data.items()) {
    const json* a = od.about.empty() ? nullptr : at_pointer(value, od.about);
    auto field = [&](const char* what) {
      auto name = od.about_fields.find(what);
      return a && name != od.about_fields.end() ? str(*a, name->second.c_str()) : std::string();
    };
    json set = {{"name", name},
                {"json", "/data/" + name + ".json"},
                {"source", field("source")},
                {"licence", field("licence")},
                {"attribution", field("attribution")},
                {"date_iso", field("date")},
                {"date", od.site->strings.date(field("date"))}};
    auto csv = od.csv_of_set.find(name);
    if (csv != od.csv_of_set.end()) set["csv"] = csv->second;
    *newest = std::max(*newest, field("date"));
    sets.push_back(std::move(set));
  }
  return sets;
}

// The page that lists the data sets, a section of the home page like the pages data makes.
void add_page(OpenData* od, const json& decl) {
  const json& spec = member(decl, "page");
  const std::string where = "open_data.page";
  Page page;
  std::string url, why;
  if (!od->reader.mapping(spec, where, {"url", "title", "description", "layout", "weight"}) ||
      !od->reader.read_text(spec, "url", where, true, &url) ||
      !od->reader.read_text(spec, "title", where, true, &page.front_matter.title) ||
      !od->reader.read_text(spec, "description", where, false, &page.front_matter.description) ||
      !od->reader.read_int(spec, "weight", where, false, -1000000, &page.front_matter.weight))
    return;
  page.layout = "data";
  if (!od->reader.read_text(spec, "layout", where, false, &page.layout)) return;
  if (!normalize_site_path(url, &page.url, &why)) {
    od->reader.error(where, "\"url\" " + url + ": " + why);
    return;
  }
  Site* site = od->site;
  auto [it, fresh] = site->page_by_url.emplace(page.url, static_cast<int>(site->pages.size()));
  if (!fresh) {
    od->reader.error(where, "the page " + page.url + " is also claimed by " +
                                page_name(*site, site->pages[it->second]));
    return;
  }
  page.derived = true;
  page.kind = PageKind::kSection;
  page.output_path = output_path_for_url(page.url);
  page.front_matter.params["menu"] = false;
  page.parent = site->home;
  page.derived_context = {{"datasets", datasets(*od, &page.front_matter.lastmod)}};
  site->pages.push_back(std::move(page));
  if (site->home >= 0) site->pages[site->home].sections.push_back(it->second);
}

}  // namespace

void add_open_data(Site* site, const SiteConfig::Declaration& decl, Diagnostics* diags) {
  if (decl.value.is_null()) return;
  OpenData od{site, Reader(decl, diags), {}, {}, {}};
  const json& v = decl.value;
  od.reader.mapping(v, "open_data", {"page", "about", "fields", "csv", "indexes"});
  if (!v.is_object()) return;
  read_about(&od, v);
  for (const char* list : {"csv", "indexes"}) {
    const json& m = member(v, list);
    if (!m.is_null() && !m.is_array())
      od.reader.error("open_data", "\"" + std::string(list) + "\" must be a list");
  }
  const json& csv = list_of(v, "csv");
  for (size_t i = 0; i < csv.size(); ++i) {
    std::string where = "open_data.csv[" + std::to_string(i) + "]";
    std::string data = add_csv(&od, csv[i], where);
    if (!data.empty()) od.csv_of_set.emplace(data, "/" + str(csv[i], "file"));
  }
  const json& indexes = list_of(v, "indexes");
  for (size_t i = 0; i < indexes.size(); ++i) {
    std::string where = "open_data.indexes[" + std::to_string(i) + "]";
    bool terms = !member(indexes[i], "terms").is_null();
    if (!indexes[i].is_object()) {
      od.reader.error(where, "must be a mapping");
    } else if (terms == !member(indexes[i], "shard").is_null()) {
      od.reader.error(where, "needs either \"terms\" (a name index) or \"shard\" (a key index)");
    } else if (terms) {
      add_names_index(&od, indexes[i], where);
    } else {
      add_shards(&od, indexes[i], where);
    }
  }
  if (!member(v, "page").is_null()) add_page(&od, v);
}

}  // namespace wegwijzer
