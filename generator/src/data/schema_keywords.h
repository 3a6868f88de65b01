#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "data/data_files.h"
#include "data/json_source.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// What a site declares in its JSON Schemas beyond what JSON Schema can check, so that the
// generator needs to know none of its data sets (docs/SCHEMA-KEYWORDS.md):
//   checks       "x-unique", "x-ref", "format": "nl-phone" | "email", "x-graph"
//   annotations  "x-flag", "x-href" (members added for templates, see annotate)
// A keyword applies where its schema applies, found by walking each file's schema
// (JsonSource::schema) and value together through properties, patternProperties,
// additionalProperties, items, local $ref, every branch of allOf/anyOf/oneOf, and if/then/else
// with an "if" of only "properties" with "const"/"enum" (and "required").

// A value declared "x-ref": "page": a page of the site, which only exists after the resolve stage.
struct PageReference {
  std::string path;     // the data file, as in JsonSource::path
  std::string pointer;  // JSON pointer to the value
  std::string url;
};

// Runs the declared checks of every file in `data` (after schema validation: the files are
// valid). Errors are at the value (path:line:col); a keyword that is malformed is an error in the
// schema file. Values declared "x-ref": "page" are added to `pages` for check_page_references.
void check_schema_keywords(const DataFiles& data, std::vector<PageReference>* pages,
                           Diagnostics* diags);

// "broken link: no page at /x/" at each reference whose URL `page_exists` does not know.
void check_page_references(const DataFiles& data, const std::vector<PageReference>& references,
                           const std::function<bool(const std::string&)>& page_exists,
                           Diagnostics* diags);

// A copy of `value` with the members the schema of `file` declares for templates: "is_<value>":
// true beside a string declared "x-flag", "href" in an object declared "x-href". `value` is the
// file's value or a copy that only lacks parts of it (such as published_data(file.value)).
nlohmann::json annotate(const JsonSource& file, const nlohmann::json& value);

}  // namespace wegwijzer
