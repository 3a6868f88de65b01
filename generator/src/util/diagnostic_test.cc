#include "util/diagnostic.h"

#include <catch2/catch.hpp>

namespace wegwijzer {

TEST_CASE("format_diagnostic puts a caret under the column, counting characters") {
  Diagnostic d{Severity::kError, "content/a.md", 3, 9, "unexpected value", "title: ëën: x"};
  CHECK(format_diagnostic(d) ==
        "content/a.md:3:9: error: unexpected value\n"
        "  title: ëën: x\n"
        "          ^\n");
}

TEST_CASE("format_diagnostic without a position names only the file") {
  Diagnostic d{Severity::kWarning, "content/a.md", 0, 0, "stale", ""};
  CHECK(format_diagnostic(d) == "content/a.md: warning: stale\n");
}

TEST_CASE("error_at converts a byte offset into line and column") {
  Diagnostics diags;
  diags.error_at("f.md", "ab\ncdé f\n", 8, "here", 5);
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.line == 6);
  CHECK(d.column == 5);
  CHECK(d.source_line == "cdé f");
}

TEST_CASE("sort orders by path and position and drops exact repeats") {
  Diagnostics diags;
  diags.error("b.md", 1, 1, "x");
  diags.error("a.md", 9, 1, "y");
  diags.error("a.md", 2, 4, "z");
  diags.error("a.md", 2, 4, "z");
  diags.sort();
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[0].line == 2);
  CHECK(diags.items()[1].line == 9);
  CHECK(diags.items()[2].path == "b.md");
}

}  // namespace wegwijzer
