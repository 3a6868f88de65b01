#include "content/front_matter.h"

#include <catch2/catch.hpp>

namespace wegwijzer {
namespace {

std::string parse_errors(std::string_view text, ParsedSource* out = nullptr) {
  ParsedSource local;
  Diagnostics diags;
  parse_page_source("content/a.md", text, out ? out : &local, &diags);
  return format_diagnostics(diags);
}

}  // namespace

TEST_CASE("front matter: keys, params and the body's first line") {
  ParsedSource src;
  std::string text =
      "---\ntitle: Wat doet de huisarts?\nweight: 3\ndraft: false\ndate: 2026-01-02\n"
      "aliases: [/oud/, /ouder/]\nstap: huisarts\nextra: {a: 1, b: [true, \"2\"]}\n---\n# Kop\n";
  REQUIRE(parse_errors(text, &src).empty());
  const FrontMatter& fm = src.front_matter;
  CHECK(fm.title == "Wat doet de huisarts?");
  CHECK(fm.weight == 3);
  CHECK(fm.date == "2026-01-02");
  CHECK(fm.aliases == std::vector<std::string>{"/oud/", "/ouder/"});
  CHECK(fm.alias_positions[1].line == 6);
  CHECK(fm.params["stap"] == "huisarts");
  CHECK(fm.params["extra"] == nlohmann::json::parse(R"({"a":1,"b":[true,"2"]})"));
  CHECK(src.body == "# Kop\n");
  CHECK(src.body_first_line == 10);
}

TEST_CASE("front matter: BOM and CRLF line endings are accepted") {
  ParsedSource src;
  REQUIRE(parse_errors("\xEF\xBB\xBF---\r\ntitle: Hoi\r\n---\r\nTekst\r\n", &src).empty());
  CHECK(src.front_matter.title == "Hoi");
  CHECK(src.body_first_line == 4);
}

TEST_CASE("front matter: errors name the file, line and column") {
  CHECK(parse_errors("# Geen front matter\n") ==
        "content/a.md:1:1: error: missing front matter: a page starts with a line '---'\n"
        "  # Geen front matter\n"
        "  ^\n");
  CHECK(parse_errors("---\ntitle: x\n") ==
        "content/a.md:1:1: error: unterminated front matter: no closing '---' line\n"
        "  ---\n"
        "  ^\n");
  CHECK(parse_errors("---\ndescription: x\n---\n") ==
        "content/a.md:1:1: error: front matter has no \"title\"\n  ---\n  ^\n");
  CHECK(parse_errors("---\ntitle: x\nweight: zwaar\n---\n") ==
        "content/a.md:3:9: error: \"weight\" must be a whole number\n"
        "  weight: zwaar\n"
        "          ^\n");
  CHECK(parse_errors("---\ntitle: [a, b]\n---\n") ==
        "content/a.md:2:8: error: \"title\" must be text\n  title: [a, b]\n         ^\n");
  CHECK(parse_errors("---\ntitle: x\ndate: 2026-02-30\n---\n") ==
        "content/a.md:3:7: error: \"date\" must be a date like 2026-11-23\n"
        "  date: 2026-02-30\n"
        "        ^\n");
  CHECK(parse_errors("---\ntitle: x\ndraft: misschien\n---\n")
            .find(":3:8: error: \"draft\" must be") != std::string::npos);
}

TEST_CASE("front matter: dates may carry a time, and nothing else") {
  for (const char* good :
       {"2026-01-02", "2026-01-02T10:30", "2026-01-02 10:30:59", "2026-01-02T10:30:59.123Z",
        "2024-02-29T10:30+01:00", "2026-01-02T10:30:00-0130", "2026-01-02T10:30Z"}) {
    INFO(good);
    CHECK(parse_errors(std::string("---\ntitle: x\ndate: \"") + good + "\"\n---\n").empty());
  }
  for (const char* bad :
       {"2026-1-02", "2026-01-02T", "2026-01-02T10", "2026-01-02T10:3", "2026-01-02T10:30:5",
        "2026-01-02T10:30.", "2026-01-02T10:30Z1", "2026-01-02T10:30+1", "2026-01-02T10:30+01:0",
        "2026-01-02x", "20260102", "2023-02-29", "2026-13-01", " 2026-01-02"}) {
    INFO(bad);
    CHECK(parse_errors(std::string("---\ntitle: x\ndate: \"") + bad + "\"\n---\n")
              .find("\"date\" must be a date like 2026-11-23") != std::string::npos);
  }
}

TEST_CASE("front matter: invalid YAML is reported at the parser's position") {
  std::string out = parse_errors("---\ntitle: x\nfoo: [1, 2\n---\n");
  CHECK(out.rfind("content/a.md:4:", 0) == 0);
  CHECK(out.find("error: invalid YAML in front matter:") != std::string::npos);
}

TEST_CASE("front matter: invalid UTF-8 is reported at the bad byte") {
  CHECK(parse_errors("---\ntitle: caf\xe9\n---\n") ==
        "content/a.md:2:11: error: invalid UTF-8 (byte 14)\n");
}

TEST_CASE("front matter: a file with only front matter has an empty body") {
  ParsedSource src;
  REQUIRE(parse_errors("---\ntitle: Alleen kop\n---", &src).empty());
  CHECK(src.body.empty());
  CHECK(parse_errors("") ==
        "content/a.md:1:1: error: the file is empty: a page starts with front matter, a line "
        "'---', a line 'title: ...' and a line '---'\n");
  CHECK(parse_errors("\xEF\xBB\xBF \r\n\n")
            .starts_with("content/a.md:1:1: error: the file is empty"));
}

}  // namespace wegwijzer
