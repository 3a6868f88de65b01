#include "data/provenance.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <functional>

#include "data/json_access.h"

namespace wegwijzer {
namespace {

using nlohmann::json;

constexpr const char* kProvenanceKeys[] = {"zekerheid", "gecontroleerd", "opgenomen",
                                           "source_datum", "source_titel"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

void walk(const json& v, const std::string& pointer,
          const std::function<void(const json&, const std::string&)>& visit) {
  if (v.is_object()) {
    visit(v, pointer);
    for (const auto& [key, item] : v.items())
      walk(item, pointer + "/" + pointer_escape(key), visit);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) walk(v[i], pointer + "/" + std::to_string(i), visit);
  }
}

// What an editor recognises a fact by: its id, else its value or name.
std::string describe(const json& v) {
  for (const char* key : {"id", "waarde", "naam", "titel", "regio", "enkelvoud"}) {
    if (!str(v, key).empty()) return str(v, key);
  }
  return v.dump().substr(0, 60);
}

// The date a fact's age counts from: its check, or when never checked, its entry.
std::string age_basis(const json& v) {
  return has_verification(v) ? str(member(v, "gecontroleerd"), "datum") : str(v, "opgenomen");
}

void check_verification(const JsonSource& data, const json& v, const std::string& at,
                        const std::string& today, Diagnostics* diags) {
  const json& check = member(v, "gecontroleerd");
  if (check.is_null()) return;
  const std::string fact = "\"" + describe(v) + "\"";
  const std::string how = ": record it as {\"datum\": \"YYYY-MM-DD\", \"door\": \"<your role>\"}";
  if (!check.is_object()) {
    data.error(diags, at, "the check of " + fact + " is not an object" + how);
    return;
  }
  std::string date = str(check, "datum");
  if (date.empty()) {
    data.error(diags, at, "the check of " + fact + " has no date" + how);
  } else if (!is_iso_date(date)) {
    data.error(diags, at + "/datum", "the check of " + fact + " has no valid date" + how);
  } else if (date > today) {
    data.error(diags, at + "/datum",
               "the check of " + fact + " is dated " + date + ", which lies in the future");
  }
  if (str(check, "door").empty()) {
    data.error(diags, at, "the check of " + fact + " does not say who checked" + how);
  }
}

void check_age(const JsonSource& data, const json& v, const std::string& at,
               const std::string& today, int stale_months, Diagnostics* diags) {
  std::string opgenomen = str(v, "opgenomen");
  if (is_iso_date(opgenomen) && opgenomen > today) {
    data.error(
        diags, at + "/opgenomen",
        "\"" + describe(v) + "\" entered the data on " + opgenomen + ", which lies in the future");
    return;
  }
  std::string basis = age_basis(v);
  if (!is_iso_date(basis) || basis > today) return;  // reported above or by the schema
  int months = whole_months_between(basis, today);
  if (months < stale_months) return;
  std::string what = has_verification(v) ? "\"" + describe(v) + "\" was last checked on " + basis
                                         : "\"" + describe(v) + "\" entered the data on " + basis +
                                               " and was never checked";
  what += ", " + std::to_string(months) + " months ago";
  std::string field = has_verification(v) ? "/gecontroleerd/datum" : "/opgenomen";
  if (months >= 2 * stale_months) {
    data.error(diags, at + field,
               what + ": check it before publishing (limit " + std::to_string(2 * stale_months) +
                   " months)");
  } else {
    data.warning(diags, at + field, what + ": check it soon");
  }
}

}  // namespace

bool has_provenance(const json& v) {
  if (!v.is_object()) return false;
  for (const char* key : kProvenanceKeys) {
    if (v.contains(key)) return true;
  }
  return false;
}

bool has_verification(const json& v) {
  const json& check = member(v, "gecontroleerd");
  return is_iso_date(str(check, "datum")) && !str(check, "door").empty();
}

bool ShowPolicy::never_shown(const std::string& key) const {
  return std::find(never.begin(), never.end(), key) != never.end();
}

bool may_be_shown(const json& v, const ShowPolicy& policy) {
  // Only a fact says how well it is sourced; a file's own "bron" (its source and licence) is not
  // one and is always published.
  if (!v.is_object() || (!v.contains("zekerheid") && !v.contains("gecontroleerd"))) return true;
  const std::string level = str(v, "zekerheid");
  return has_verification(v) ||
         (!level.empty() && std::find(policy.zekerheid.begin(), policy.zekerheid.end(), level) !=
                                policy.zekerheid.end());
}

std::vector<FactRow> list_facts(const JsonSource& data, const std::string& today,
                                int stale_months) {
  std::vector<FactRow> rows;
  walk(data.value, "", [&](const json& v, const std::string& pointer) {
    if (!has_provenance(v) || !v.contains("zekerheid")) return;
    FactRow row;
    row.pointer = pointer;
    row.summary = describe(v);
    row.shown = may_be_shown(v);
    row.zekerheid = str(v, "zekerheid");
    row.source = str(v, "source");
    row.source_titel = str(v, "source_titel");
    row.source_datum = str(v, "source_datum");
    row.opgenomen = str(v, "opgenomen");
    if (has_verification(v)) {
      row.gecontroleerd_op = str(member(v, "gecontroleerd"), "datum");
      row.door = str(member(v, "gecontroleerd"), "door");
    }
    std::string basis = age_basis(v);
    if (is_iso_date(basis) && basis <= today) row.age_months = whole_months_between(basis, today);
    row.due = !row.shown || row.age_months >= stale_months;
    rows.push_back(std::move(row));
  });
  return rows;
}

void check_provenance(const JsonSource& data, const std::string& today, int stale_months,
                      Diagnostics* diags) {
  walk(data.value, "", [&](const json& v, const std::string& at) {
    if (!has_provenance(v)) return;
    check_verification(data, v, at + "/gecontroleerd", today, diags);
    check_age(data, v, at, today, stale_months, diags);
  });
}

int whole_months_between(const std::string& from, const std::string& to) {
  auto part = [](const std::string& s, size_t at, size_t n) {
    return std::atoi(s.substr(at, n).c_str());
  };
  int fy = part(from, 0, 4), fm = part(from, 5, 2), fd = part(from, 8, 2);
  int ty = part(to, 0, 4), tm = part(to, 5, 2), td = part(to, 8, 2);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(s[i])) return false;
  }
  return true;
}

std::string today_iso() {
  if (const char* fixed = std::getenv("WEGWIJZER_TODAY"); fixed && is_iso_date(fixed)) return fixed;
  std::time_t now = std::time(nullptr);
  // Reproducible builds (reproducible-builds.org): the date a build takes to be today.
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && seconds >= 0) now = static_cast<std::time_t>(seconds);
  }
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[11];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace wegwijzer
