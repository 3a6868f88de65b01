#pragma once

#include <string>
#include <vector>

#include "data/json_source.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// Months from `from` to `to` (both "YYYY-MM-DD"), counting only whole months.
int whole_months_between(const std::string& from, const std::string& to);

// Every object in the data with a "checked" date is a fact someone confirmed on that day. Older
// than `stale_months` is a warning, older than twice that an error, a date after `today` an
// error.
void check_freshness(const JsonSource& data, const std::string& today, int stale_months,
                     Diagnostics* diags);

struct UnverifiedFact {
  std::string pointer;
  std::string summary;  // what it is, e.g. the value or name
};
// Everything marked "status": "unverified": not shown to citizens until an editor confirms it.
std::vector<UnverifiedFact> list_unverified(const JsonSource& data);

// Today's date as "YYYY-MM-DD" (UTC); WEGWIJZER_TODAY overrides it for reproducible runs.
std::string today_iso();

}  // namespace wegwijzer
