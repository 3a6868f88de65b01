#pragma once

#include <string>

#include "site/site.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// The resolve stage for pages: gives every page its URL and output path, links sections to their
// pages and subsections (ordered by weight, then title), registers aliases, and reports pages or
// aliases that claim the same URL or would leave the output folder.
void resolve_urls(Site* site, Diagnostics* diags);

// Orders page indexes by weight, then title, then URL.
void sort_by_weight(const Site& site, std::vector<int>* indexes);

// "/a/b/" -> "a/b/index.html"; "/a/b.html" -> "a/b.html". Expects a URL checked by
// normalize_site_path.
std::string output_path_for_url(const std::string& url);

// Checks a site-absolute path written by an editor (url or alias) and gives its canonical form:
// a leading '/', no '.', '..' or empty segments, a trailing '/' unless the last segment names a
// file ("x.html"). Returns false with `why` set when it is unusable or would leave the output.
bool normalize_site_path(const std::string& path, std::string* out, std::string* why);

}  // namespace wegwijzer
