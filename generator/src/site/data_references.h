#pragma once

#include <optional>
#include <string>

#include "data/data_files.h"
#include "markdown/markdown.h"
#include "site/site.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// `references` in wegwijzer.yaml: {field: {data, list, key}}. Every object in site.data whose
// member `field` names a record by its key gains `<field>_record` (absent when that record may
// not be shown, so a template leaves it out); a page whose front matter has `field: <key>` gets
// `<field>_record` and `<field>_list` (the whole list, each record with `current`) in its
// context. A key that names no record, shown or not, is an error at the page.
// Runs once per language (`lang`, an index into site->languages) on that language's data and
// pages.
void add_references(Site* site, const DataFiles& raw, int lang, Diagnostics* diags);

// The context of a block directive ({{< contact id="113" >}}) as declared under `blocks` in
// wegwijzer.yaml: {name: {data, list, key, arg}} gives the record whose `key` is the directive's
// argument `arg`; {name: {data}} the whole data set; {name: {}} nothing. {"block": ...}; nullopt
// with `error` set for an unknown record or an undeclared block that needs data. A record that
// exists but may not be shown gives {"block": {"hidden": true}}.
// `lang`: the language of the page the directive is in.
std::optional<nlohmann::json> declared_block_context(const Site& site,
                                                     const markdown::BlockDirective& block,
                                                     int lang, std::string* error);

}  // namespace wegwijzer
