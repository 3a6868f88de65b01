#include "site/translation_check.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

TEST_CASE("translation check: current, stale as a warning, stale past the limit an error") {
  const std::string original = "---\ntitle: Crisis\n---\nBel 112.\n";
  const std::string hash = translation_hash(original);
  CHECK(hash.size() == 12);
  CHECK(hash != translation_hash(original + "Meer.\n"));
  TranslationFacts facts{"content/crisis.md", original, "2026-11-01", "2026-11-20", 30};

  CHECK_FALSE(judge_translation({{"hash", hash}, {"date", "2026-10-01"}}, facts));

  auto soon = judge_translation({{"hash", "000000000000"}, {"date", "2026-10-01"}}, facts);
  REQUIRE(soon);
  CHECK(soon->severity == Severity::kWarning);
  CHECK(soon->message ==
        "content/crisis.md changed since this translation (hash 000000000000, "
        "now " +
            hash + "): bring the translation up to date and record hash: " + hash +
            " (an error from 30 days after 2026-11-01)");

  facts.today = "2026-12-01";  // 30 days after the original changed
  auto late = judge_translation({{"hash", "000000000000"}, {"date", "2026-10-01"}}, facts);
  REQUIRE(late);
  CHECK(late->severity == Severity::kError);
  CHECK(late->message.ends_with("(out of date since 2026-11-01, limit 30 days)"));

  auto missing = judge_translation(nullptr, facts);
  REQUIRE(missing);
  CHECK(missing->severity == Severity::kError);
  CHECK(missing->message ==
        "a translation says which state of content/crisis.md it translates: "
        "add translation_of: {hash: " +
            hash + ", date: YYYY-MM-DD}");
  CHECK(judge_translation({{"hash", hash}}, facts)->severity == Severity::kError);
}

TEST_CASE("translation check: days between dates") {
  CHECK(days_between("2026-11-01", "2026-12-01") == 30);
  CHECK(days_between("2024-02-28", "2024-03-01") == 2);
  CHECK(days_between("2026-12-01", "2026-11-01") == -30);
  CHECK(days_between("nonsense", "2026-11-01") == 0);
}

}  // namespace
}  // namespace wegwijzer
