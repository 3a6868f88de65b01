#include "site/translation_check.h"

#include <chrono>

#include "data/json_access.h"
#include "data/provenance.h"
#include "output/manifest.h"

namespace wegwijzer {

std::string translation_hash(std::string_view original_text) {
  return sha256_hex(original_text).substr(0, 12);
}

int days_between(const std::string& from, const std::string& to) {
  if (!is_iso_date(from) || !is_iso_date(to)) return 0;
  auto day = [](const std::string& iso) {
    using namespace std::chrono;
    year_month_day ymd{year{std::stoi(iso.substr(0, 4))},
                       month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                       std::chrono::day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
    return sys_days(ymd).time_since_epoch().count();
  };
  return static_cast<int>(day(to) - day(from));
}

std::optional<TranslationProblem> judge_translation(const nlohmann::json& record,
                                                    const TranslationFacts& facts) {
  const std::string now = translation_hash(facts.original_text);
  const std::string how = "translation_of: {hash: " + now + ", date: YYYY-MM-DD}";
  std::string hash = str(record, "hash"), date = str(record, "date");
  if (!record.is_object()) {
    return TranslationProblem{
        Severity::kError,
        "a translation says which state of " + facts.original_path + " it translates: add " + how};
  }
  if (hash.empty() || !is_iso_date(date)) {
    return TranslationProblem{Severity::kError, "translation_of needs hash and date: " + how};
  }
  if (hash == now) return std::nullopt;
  std::string since = facts.original_changed > date ? facts.original_changed : date;
  int days = days_between(since, facts.today);
  std::string message = facts.original_path + " changed since this translation (hash " + hash +
                        ", now " + now +
                        "): bring the translation up to date and record hash: " + now;
  if (days >= facts.fail_after_days) {
    return TranslationProblem{Severity::kError,
                              message + " (out of date since " + since + ", limit " +
                                  std::to_string(facts.fail_after_days) + " days)"};
  }
  return TranslationProblem{Severity::kWarning, message + " (an error from " +
                                                    std::to_string(facts.fail_after_days) +
                                                    " days after " + since + ")"};
}

}  // namespace wegwijzer
