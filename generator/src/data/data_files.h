#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "data/json_source.h"
#include "data/provenance.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

// The data sets of a site: every <data_dir>/<name>.json, parsed and checked against the JSON
// Schema its "$schema" names.
using DataFiles = std::map<std::string, JsonSource>;

// `languages`: the codes of the site's other languages; <name>.<code>.json is a translation
// (data/data_translation), not a data set. Files are read and checked on up to `jobs` threads.
DataFiles load_data_files(const FileSystem& fs, const std::string& data_dir, Diagnostics* diags,
                          const std::vector<std::string>& languages = {}, int jobs = 1);

// Validates `data` against the schema at `schema_path`; violations are reported at the offending
// value. Missing or broken schemas are errors too.
void validate_against_schema(const FileSystem& fs, const JsonSource& data,
                             const std::string& schema_path, Diagnostics* diags);

// What citizens and open-data users get of a data set: a copy without any fact that may not be
// shown (see data/provenance.h; such array elements and object members are left out) and without
// the editors' own notes ("redactie_noot").
nlohmann::json published_data(const nlohmann::json& value, const ShowPolicy& policy = ShowPolicy());

// `value` as a JSON file to publish: UTF-8, with < > & written as \u escapes (they can only occur
// inside strings) so that data holding "</script>" stays inert wherever the file ends up.
// `indent` as for nlohmann::json::dump; ends with a newline.
std::string json_for_publishing(const nlohmann::json& value, int indent);

}  // namespace wegwijzer
