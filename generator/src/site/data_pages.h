#pragma once

#include "data/data_files.h"
#include "site/site.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// Pages made from data, declared in a section's front matter (Hugo's content adapters, Eleventy's
// pagination over data): `data_pages` in content/<section>/_index.md names the data set, the list
// of records, the URL, title, description and layout of each record's page, its order, an A–Z
// list for the section page, and lookups into other data sets. See docs/TEMPLATES.md.
//
// Runs in the resolve stage, after the Markdown pages have their URLs. Each record that gets a
// page gains `url` and `title` in site.data, so every template that meets the record (a lookup,
// a block, the whole data set) can link to its page. Then the declared references are resolved
// (see add_references) and each data page gets its context: `record` and its lookups (on up to
// `jobs` threads).
void add_data_pages(Site* site, const DataFiles& raw, Diagnostics* diags, int jobs = 1);

}  // namespace wegwijzer
