#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace wegwijzer {

// `wegwijzer new DIR`: starts a new site in DIR, which must not exist or be empty. `args` are the
// arguments after "new" (DIR, or --help). Writes wegwijzer.yaml, a home page, a section with one
// page, a small data set with its schema and a page that uses a fact from it, and a section
// that makes a page for each record of that data set (data_pages) with its templates. The site
// builds, and `wegwijzer check` finds nothing, on the day it was made. Returns kExitOk,
// kExitUsage (no DIR, or DIR holds files) or kExitInputErrors (a file could not be written).
int run_new(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The files of a new site (path relative to the site folder -> text), dated `today`
// ("YYYY-MM-DD").
std::map<std::string, std::string> new_site_files(const std::string& today);

}  // namespace wegwijzer
