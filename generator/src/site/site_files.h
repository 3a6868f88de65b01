#pragma once

#include <string>
#include <vector>

#include "output/output.h"
#include "site/context.h"
#include "site/site.h"
#include "site/theme.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace wegwijzer {

// URLs of the files a build writes besides pages: sitemap.xml, robots.txt, 404.html, assets.
std::vector<std::string> site_file_urls(const Site& site, const Theme& theme);

// Writes sitemap.xml, robots.txt, 404.html, a redirect page per alias, the theme's assets,
// static files and bundle resources from content/, and data exports. Returns the number of files.
size_t write_site_files(const FileSystem& fs, const Site& site, const Theme& theme,
                        const ContextBuilder& contexts, const std::string& inject, Output* output,
                        Diagnostics* diags);

// The XML sitemap: every page with its absolute URL, and lastmod where the page has a date.
std::string sitemap_xml(const Site& site, const ContextBuilder& contexts);

}  // namespace wegwijzer
