#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "data/data_files.h"
#include "markdown/markdown.h"
#include "site/site.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// The pages and files the GGZ data sets drive, added in the resolve stage:
//   /gemeente/ (A–Z) and /gemeente/<slug>/   one page per gemeente
//   /regiotafels/ and /regiotafels/<id>/     the tafels, unknown ones shown as unknown
//   /route/ and /route/<id>/                 the question route, one question per page
//   /data/                                   open data: every set as JSON, tables as CSV
//   /data/postcode/<digit>.json              the postcode finder's index
// Everything shown comes from site->data, which holds only verified facts.
void add_ggz_pages(Site* site, const DataFiles& raw, Diagnostics* diags);

// The context of a block directive ({{< contact id="113" >}}) for templates/blocks/<name>.html:
// {"block": ...}. Unknown ids are errors reported at the directive.
std::optional<nlohmann::json> ggz_block_context(const Site& site,
                                                const markdown::BlockDirective& block,
                                                std::string* error);

// For pages with `stap: <id>` in their front matter: "step" and "steps" for the side panel.
void add_step_context(const Site& site, const Page& page, nlohmann::json* frame);

// A contact as templates show it: only verified channels, each with its href (tel: in E.164,
// mailto:, https:).
nlohmann::json contact_card(const nlohmann::json& contact, const Strings& strings);

}  // namespace wegwijzer
