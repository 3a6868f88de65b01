#pragma once

#include <set>
#include <string>
#include <string_view>

namespace wegwijzer::search {

// Function words of a language, folded: they stand on every page, so they cannot tell pages
// apart, and their postings would be most of the index's bytes. The index lists them for the
// browser, which drops them from the query the same way. Empty for a language without a list.
const std::set<std::string>& stopwords(std::string_view language);

}  // namespace wegwijzer::search
