#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace wegwijzer::search {

// The editors' list of words that a query should also look for: readers type "hap" or "suïcide"
// where the pages say "huisartsenpost" and "zelfdoding". The file is YAML, one line per word:
//
//   # zoekwoord: [woorden die de zoekfunctie er ook bij zoekt]
//   hap: [huisartsenpost]
//   poh: [praktijkondersteuner, praktijkondersteuning]
//   suïcide: zelfdoding
//
// A key is one word; its value one word or phrase, or a list of them. The expansion goes one way
// (a query for "hap" also finds "huisartsenpost", not the other way round); list the other
// direction as its own line where it is wanted. Words compare folded ("suicide" = "suïcide").
// Every word of a phrase counts as an alternative for the key.
struct Synonyms {
  // Folded key -> folded alternatives, in the file's order without repeats.
  std::map<std::string, std::vector<std::string>> expansions;
};

// Parses the file's text; every problem is a diagnostic at path:line:col, and the lines that are
// right are still used.
Synonyms parse_synonyms(std::string_view text, const std::string& path, Diagnostics* diags);

}  // namespace wegwijzer::search
