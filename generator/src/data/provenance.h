#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "data/json_source.h"
#include "util/diagnostic.h"

namespace wegwijzer {

// Where a fact in the data comes from and what was done with it. The words are the data's own:
//   "source", "source_titel", "source_datum"  the source and that source's own date
//   "opgenomen"                               the day the fact entered the data
//   "zekerheid"                               hoog | middel | laag: how well it is sourced
//   "gecontroleerd": {"datum", "door"}        an editor checked the organisation's own current
//                                             source on that day (a role, not a name)
// Compiling a fact from a source is not checking it: only "gecontroleerd" lets the site say
// "gecontroleerd".

// True for an object that carries any of the fields above.
bool has_provenance(const nlohmann::json& v);

// True when "gecontroleerd" holds both a date and who checked.
bool has_verification(const nlohmann::json& v);

// The site's rule for what readers see, set under `show` in wegwijzer.yaml and applied alike to
// pages, blocks, lookups, site.data and /data/: a fact is shown when an editor's check is
// recorded, or when its "zekerheid" is one of `zekerheid`; members named in `never` (editors'
// notes) are never shown.
struct ShowPolicy {
  std::vector<std::string> zekerheid = {"hoog"};
  std::vector<std::string> never = {"redactie_noot"};

  bool never_shown(const std::string& key) const;
};

// The bar for showing a fact to readers (by default: a recorded check, or "zekerheid": "hoog":
// the organisation's own source, or two independent sources that agree). Values without
// provenance are structure, not facts, and are shown.
bool may_be_shown(const nlohmann::json& v, const ShowPolicy& policy = ShowPolicy());

// One fact as `wegwijzer check` lists it for editors.
struct FactRow {
  std::string pointer;  // in its data file
  std::string summary;  // its id, value or name
  bool shown = false;
  std::string zekerheid, source, source_titel, source_datum, opgenomen, gecontroleerd_op, door;
  int age_months = 0;  // since the check, or since it entered the data when never checked
  bool due = false;    // not shown, or older than the limit: an editor should check it
};

// Every fact with provenance in `data`, in file order; `today` and `stale_months` decide `due`.
std::vector<FactRow> list_facts(const JsonSource& data, const std::string& today, int stale_months);

// Dates in the provenance fields: a check without a date or a role, dates in the future, and
// facts whose check (or, never checked, whose entry) is older than `stale_months` (a warning) or
// twice that (an error).
void check_provenance(const JsonSource& data, const std::string& today, int stale_months,
                      Diagnostics* diags);

// Months from `from` to `to` (both "YYYY-MM-DD"), counting only whole months.
int whole_months_between(const std::string& from, const std::string& to);

// True for "YYYY-MM-DD".
bool is_iso_date(const std::string& s);

// Today's date as "YYYY-MM-DD" (UTC), for freshness checks only (no output depends on it);
// WEGWIJZER_TODAY ("YYYY-MM-DD") or SOURCE_DATE_EPOCH (seconds) fix it for reproducible runs.
std::string today_iso();

}  // namespace wegwijzer
