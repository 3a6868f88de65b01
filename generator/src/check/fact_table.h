#pragma once

#include <string>
#include <utility>
#include <vector>

#include "data/provenance.h"

namespace wegwijzer {

// The facts of a site as a Markdown table an editor can work through: the ones due for a check
// first (not shown yet, or too old), each with where it is, its source and its ages.
std::string format_fact_table(std::vector<std::pair<std::string, FactRow>> facts);

}  // namespace wegwijzer
