#include "data/data_files.h"

#include <locale>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

// valijson reports what it cannot handle (a broken schema, a "format" check meeting a value that
// is not a string) by exceptions only with this set; without it, it aborts the process.
#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "data/data_translation.h"
#include "data/provenance.h"
#include "util/file_system.h"
#include "util/parallel.h"

namespace wegwijzer {
namespace {

// valijson names a place as {"<root>", "[items]", "[0]", "[code]"}.
std::string pointer_from_context(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part == "<root>") continue;
    std::string key = part.size() >= 2 && part.front() == '[' && part.back() == ']'
                          ? part.substr(1, part.size() - 2)
                          : part;
    pointer += "/" + pointer_escape(key);
  }
  return pointer;
}

// The formats valijson checks. It reads every value under a "format" as a string before it looks
// at the name, and throws on a non-empty array or object: the real error (a wrong type) would be
// lost. The other formats are ours (data/schema_keywords: "nl-phone", "email"), checked on strings
// after validation, so valijson never sees them.
bool valijson_checks_format(const nlohmann::json& format) {
  return format == "date" || format == "time" || format == "date-time";
}

void drop_foreign_formats(nlohmann::json* schema) {
  if (schema->is_array()) {
    for (nlohmann::json& s : *schema) drop_foreign_formats(&s);
    return;
  }
  if (!schema->is_object()) return;
  auto format = schema->find("format");
  if (format != schema->end() && format->is_string() && !valijson_checks_format(*format))
    schema->erase(format);
  for (auto it = schema->begin(); it != schema->end(); ++it) {
    const std::string& key = it.key();
    if (key == "enum" || key == "const" || key == "default" || key == "examples" ||
        key.starts_with("x-")) {
      continue;  // values, not schemas
    }
    bool names = key == "properties" || key == "patternProperties" || key == "definitions" ||
                 key == "$defs" || key == "dependencies";
    if (names && it->is_object()) {
      for (nlohmann::json& s : *it) drop_foreign_formats(&s);  // a member called "format" stays
    } else {
      drop_foreign_formats(&*it);
    }
  }
}

std::shared_ptr<const JsonSource> read_schema(const FileSystem& fs, const JsonSource& data,
                                              const std::string& schema_path, Diagnostics* diags) {
  std::string text, error;
  if (!fs.read_file(schema_path, &text, &error)) {
    data.error(diags, "/$schema", "cannot read schema " + schema_path + ": " + error);
    return nullptr;
  }
  auto schema = std::make_shared<JsonSource>();
  if (!parse_json_source(schema_path, std::move(text), schema.get(), diags)) return nullptr;
  return schema;
}

// Violations are reported at the offending value.
void validate_with(const JsonSource& schema_source, const JsonSource& data, Diagnostics* diags) {
  const std::string& schema_path = schema_source.path;
  valijson::Schema schema;
  try {
    nlohmann::json for_valijson = schema_source.value;
    drop_foreign_formats(&for_valijson);
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(for_valijson);
    parser.populateSchema(adapter, schema);
  } catch (const std::exception& e) {
    diags->error(schema_path, 0, 0, std::string("invalid JSON Schema: ") + e.what());
    return;
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(data.value);
  try {
    if (validator.validate(schema, target, &results)) return;
  } catch (const std::exception& e) {
    data.error(diags, "",
               "schema " + schema_path + " could not be checked against this file: " + e.what() +
                   " (a value of an unexpected type under a \"format\"?)");
    return;
  }

  // valijson also reports every enclosing value of a violation; keep the innermost ones.
  std::vector<std::pair<std::string, std::string>> errors;
  for (const auto& e : results) errors.emplace_back(pointer_from_context(e.context), e.description);
  std::set<std::pair<std::string, std::string>> reported;
  for (const auto& [pointer, message] : errors) {
    bool has_deeper = false;
    for (const auto& other : errors) {
      if (other.first.size() > pointer.size() && other.first.starts_with(pointer + "/")) {
        has_deeper = true;
        break;
      }
    }
    if (has_deeper || !reported.insert({pointer, message}).second) continue;
    data.error(diags, pointer,
               "schema: " + message + " (at " + (pointer.empty() ? "/" : pointer) + ")");
  }
}

// One data set, read, parsed and checked against its schema; nothing when that found errors
// (they are in `diags`): data that fails its schema never reaches a page, so nothing after this
// meets a value of a type it did not expect.
std::optional<JsonSource> load_data_file(const FileSystem& fs, const std::string& data_dir,
                                         const std::string& path, const std::string& name,
                                         Diagnostics* diags) {
  std::string text, error;
  if (!fs.read_file(path, &text, &error)) {
    diags->error(path, 0, 0, error);
    return std::nullopt;
  }
  JsonSource source;
  if (!parse_json_source(path, std::move(text), &source, diags)) return std::nullopt;
  const nlohmann::json& schema_ref = source.value.is_object() && source.value.contains("$schema")
                                         ? source.value["$schema"]
                                         : nlohmann::json();
  if (!schema_ref.is_string()) {
    diags->error(
        path, 1, 1,
        "data file names no schema: add \"$schema\": \"./schemas/" + name + ".schema.json\"");
  } else {
    std::string schema_path;
    if (!normalize_relative(data_dir + "/" + schema_ref.get<std::string>(), &schema_path)) {
      source.error(diags, "/$schema", "schema path leaves the site folder");
    } else if (auto schema = read_schema(fs, source, schema_path, diags)) {
      validate_with(*schema, source, diags);
      source.schema = std::move(schema);
    }
  }
  if (diags->has_errors()) return std::nullopt;
  return source;
}

// valijson checks a "pattern" by compiling a std::regex, on each thread that validates. The regex
// compiler asks std::ctype<char> to narrow and widen characters, which libstdc++ answers from
// tables it fills on first use without a lock: two threads filling them at once is a data race
// (ThreadSanitizer reports it). Filled once before the threads start, they are only read after.
void fill_ctype_tables() {
  static std::once_flag once;
  std::call_once(once, [] {
    const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
    for (int c = 0; c < 256; ++c) ctype.narrow(static_cast<char>(c), '\0');
    ctype.widen('a');
  });
}

}  // namespace

DataFiles load_data_files(const FileSystem& fs, const std::string& data_dir, Diagnostics* diags,
                          const std::vector<std::string>& languages, int jobs) {
  std::vector<std::pair<std::string, std::string>> sets;  // path, name
  for (const std::string& path : fs.list_files(data_dir).files) {
    if (dir_of(path) != data_dir || !path.ends_with(".json")) continue;  // schemas live below
    if (is_data_translation(path, languages)) continue;
    sets.emplace_back(path, path.substr(data_dir.size() + 1, path.size() - data_dir.size() - 6));
  }
  std::vector<std::optional<JsonSource>> loaded(sets.size());
  std::vector<Diagnostics> found(sets.size());
  fill_ctype_tables();
  parallel_for(
      sets.size(), jobs,
      [&](size_t i, int) {
        loaded[i] = load_data_file(fs, data_dir, sets[i].first, sets[i].second, &found[i]);
      },
      /*chunk=*/1);
  DataFiles files;
  for (size_t i = 0; i < sets.size(); ++i) {
    diags->merge(std::move(found[i]));
    if (loaded[i]) files.emplace(sets[i].second, std::move(*loaded[i]));
  }
  return files;
}

void validate_against_schema(const FileSystem& fs, const JsonSource& data,
                             const std::string& schema_path, Diagnostics* diags) {
  if (auto schema = read_schema(fs, data, schema_path, diags)) validate_with(*schema, data, diags);
}

std::string json_for_publishing(const nlohmann::json& value, int indent) {
  std::string out;
  for (char c : value.dump(indent, ' ', false)) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out + "\n";
}

nlohmann::json published_data(const nlohmann::json& value, const ShowPolicy& policy) {
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : value) {
      if (may_be_shown(item, policy)) out.push_back(published_data(item, policy));
    }
    return out;
  }
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, item] : value.items()) {
      if (!policy.never_shown(key) && may_be_shown(item, policy))
        out[key] = published_data(item, policy);
    }
    return out;
  }
  return value;
}

}  // namespace wegwijzer
