#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "data/json_source.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

// A data set in another language: <data_dir>/<name>.<language>.json holds only the text of
// <name>.json that it translates, in the same shape, and records which state of the original it
// translates ("translation_of": {"hash", "date"}). See docs/TEMPLATES.md, "Languages".
struct DataTranslation {
  std::string name;  // "stappen"
  int language = 0;  // index into the site's languages (1 for the first other language)
  JsonSource source;
};

// Every translation file of `data_dir` for `languages` (the other languages' codes). A file
// whose suffix is no language of the site is left to the data loader as a data set of its own.
std::vector<DataTranslation> load_data_translations(const FileSystem& fs,
                                                    const std::string& data_dir,
                                                    const std::vector<std::string>& languages,
                                                    Diagnostics* diags);

// True when `path` ("<data_dir>/x.en.json") is a translation file for one of `languages`.
bool is_data_translation(const std::string& path, const std::vector<std::string>& languages);

// `original` with the translation's text laid over it: objects member by member, arrays of
// objects by their "id" (by position when they have none), text and lists of text replaced.
// Only text may be translated, and a translated text keeps every number (in digits) of its
// original; anything else, or anything the original does not have, is an error at the
// translation's line and column and is left out.
nlohmann::json apply_translation(const nlohmann::json& original, const DataTranslation& t,
                                 Diagnostics* diags);

}  // namespace wegwijzer
