#pragma once

#include "site/config.h"
#include "site/site.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// Open data as the site declares it under `open_data` in wegwijzer.yaml (docs/TEMPLATES.md,
// "Open data"): the page that lists every data set with its source and licence, CSV files made
// from a list or a map of a data set, the name index and the sharded key index the finder reads.
// The generator knows no data set: every name, field and file comes from `decl`.
//
// Reads `site->data` (the published data sets; records with a page of their own carry `url` and
// `title`) and `site->strings` (dates). Adds the page to `site->pages` under the home page and
// the files to `site->generated`. A null declaration adds nothing. Problems in the declaration
// go to `diags` at the declaration's position; the entries that have none are still made.
void add_open_data(Site* site, const SiteConfig::Declaration& decl, Diagnostics* diags);

}  // namespace wegwijzer
