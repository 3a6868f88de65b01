#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "util/diagnostic.h"

namespace wegwijzer {

// A translation (a page x.en.md, a data file x.en.json) records which state of its original it
// translates: `translation_of: {hash, date}`, hash being translation_hash(original). When the
// original changes, the translation is stale: a warning at first, an error once the original
// has been changed for `fail_after_days` (counted from the later of the translation's date and
// the date the original says it changed). No generator we know of checks this.
std::string translation_hash(std::string_view original_text);  // first 12 hex of SHA-256

struct TranslationProblem {
  Severity severity = Severity::kWarning;
  std::string message;
};

struct TranslationFacts {
  std::string original_path;  // for messages: "content/crisis.md"
  std::string_view original_text;
  std::string original_changed;  // "YYYY-MM-DD" or "" when the original does not say
  std::string today;
  int fail_after_days = 60;
};

// Nothing when the translation is current; otherwise what is wrong with `record` (the value of
// translation_of, null when absent).
std::optional<TranslationProblem> judge_translation(const nlohmann::json& record,
                                                    const TranslationFacts& facts);

// Days from `from` to `to`, both "YYYY-MM-DD" (0 when either is not such a date).
int days_between(const std::string& from, const std::string& to);

}  // namespace wegwijzer
