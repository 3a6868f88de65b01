#pragma once

#include <string>

#include "site/site.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// Where a front matter key of a page is written, so that a problem with its value (a data_pages
// declaration, a reference to a record) is reported at `path:line:col` with the line shown.
// Front matter is parsed into values without positions; the key's line is found again by name.
struct FrontMatterPlace {
  std::string path;
  int line = 0;
  int column = 0;
  std::string source_line;

  void error(Diagnostics* diags, const std::string& message) const {
    diags->error(path, line, column, message, source_line);
  }
};

// The first line of the page's front matter that starts (after indentation) with "key:".
FrontMatterPlace place_of_key(const Page& page, const std::string& key);

// The line of `key` inside the mapping under `parent` ("layout" in "data_pages:"), or where
// `parent` is written when the mapping does not hold `key` on a line of its own.
FrontMatterPlace place_of_key_in(const Page& page, const std::string& parent,
                                 const std::string& key);

}  // namespace wegwijzer
