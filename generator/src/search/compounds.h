#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace wegwijzer::search {

// Dutch writes compounds as one word ("zelfmoordgedachten"), so a reader's word and a page's
// word often share only their parts. Both sides split: the index also lists a compound's parts
// for its page, and the browser splits a query word the index does not know. The rule is the
// same in site-assets/js/zoeken.js.

// Parts shorter than this are not taken: shorter ones ("uur" in "bestuur") split words that
// are no compounds.
inline constexpr size_t kMinCompoundPart = 4;

// Splits `word` into two or more parts that `known` accepts, each at least kMinCompoundPart
// bytes, with an optional linking "s", "e" or "en" between two parts ("crisi|s|dienst",
// "gedacht|en|gang"); the linking letters belong to no part. Of all splits the one with the
// fewest parts wins, and among those the one whose earlier parts are longest. Empty when there
// is no split.
std::vector<std::string> split_compound(std::string_view word,
                                        const std::function<bool(std::string_view)>& known);

}  // namespace wegwijzer::search
