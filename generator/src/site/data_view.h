#pragma once

#include <nlohmann/json.hpp>

#include "data/provenance.h"
#include "site/strings.h"

namespace wegwijzer {

// What templates see of a data set (site.data.<name>, records of data pages, blocks, lookups):
// - only what may be shown by the site's `show` policy (data/provenance.h), never a member it
//   names in `never` (editors' notes);
// - every object with provenance gets `herkomst` (context.h herkomst_frame), so any template
//   can say where a fact comes from;
// - every list member `x` (a name: it starts with a letter) of an object gets `has_x` (true when
// the list has shown elements) and,
//   when elements were held back, `x_hidden` (how many), so a page can say that it leaves some
//   out without saying what.
nlohmann::json template_view(const nlohmann::json& value, const Strings& strings,
                             const ShowPolicy& policy);

}  // namespace wegwijzer
