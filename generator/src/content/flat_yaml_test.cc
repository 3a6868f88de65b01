#include "content/flat_yaml.h"

#include <catch2/catch.hpp>
#include <random>

#include "content/front_matter.h"

namespace wegwijzer {

TEST_CASE("flat YAML: the usual front matter, with positions") {
  auto entries =
      parse_flat_yaml("title: \"Pagina 1\"\nweight: 3\n\ndate: 2025-11-02\nstap: huisarts\n");
  REQUIRE(entries);
  REQUIRE(entries->size() == 4);
  CHECK((*entries)[0].key == "title");
  CHECK((*entries)[0].value == "Pagina 1");
  CHECK((*entries)[0].quoted);
  CHECK((*entries)[0].column == 7);
  CHECK((*entries)[1].value == "3");
  CHECK_FALSE((*entries)[1].quoted);
  CHECK((*entries)[2].line == 3);
  CHECK((*entries)[3].value == "huisarts");
}

TEST_CASE("flat YAML declines what only yaml-cpp reads right") {
  for (const char* yaml : {
           "",                               // no keys
           "title: Hoi # een opmerking\n",   // comment
           "title: Hoi\ntitle: Nog eens\n",  // repeated key
           "title: Hoi\r\n",                 // CRLF
           "title:\tHoi\n",                  // tab
           "title: 'Hoi'\n",                 // single quotes
           "title: \"Hoi \\\"jij\\\"\"\n",   // escapes
           "title: ~\n",
           "title: null\n",
           "title:\n",
           "title: \n",              // nulls
           "aliases: [/a/, /b/]\n",  // flow list
           "aliases:\n  - /a/\n",    // block list
           "tijd: 10:30\n",          // a colon
           "title: - Hoi\n",         // list indicator
           " title: Hoi\n",          // indented
           "title: Hoi \n",          // trailing space
           "title: a\xC2\x85"
           "b\n",               // NEL, a line break to YAML 1.1
           "\"title\": Hoi\n",  // quoted key
       }) {
    INFO(yaml);
    CHECK_FALSE(parse_flat_yaml(yaml));
  }
}

TEST_CASE("flat YAML reads exactly what yaml-cpp reads, for every line it accepts") {
  // Lines built from pieces that sit on the border of the subset: indicators, quotes, colons,
  // hashes, spaces, numbers, nulls and non-ASCII text. Every accepted document is compared with
  // yaml-cpp key by key (flat_yaml_disagreement).
  const std::vector<std::string> keys = {"title", "weight", "draft", "a_b", "x-y", "T9", "url"};
  const std::vector<std::string> pieces = {"Hoi",
                                           " ",
                                           "  ",
                                           "\"",
                                           "'",
                                           ":",
                                           ": ",
                                           "#",
                                           " #",
                                           "-",
                                           "- ",
                                           "?",
                                           "!",
                                           "&",
                                           "*",
                                           "[",
                                           "]",
                                           "{",
                                           "}",
                                           ",",
                                           "|",
                                           ">",
                                           "%",
                                           "@",
                                           "`",
                                           "~",
                                           "null",
                                           "true",
                                           "5",
                                           "-5",
                                           "0x1F",
                                           "1e3",
                                           ".5",
                                           "2025-11-02",
                                           "/paden/",
                                           "Cliënt",
                                           "\xE2\x80\xA8",
                                           "\xEF\xBB\xBF",
                                           "\\",
                                           "\t",
                                           "é ë"};
  std::mt19937 rng(20261201);
  size_t accepted = 0;
  for (int doc = 0; doc < 20000; ++doc) {
    std::string yaml;
    int lines = 1 + static_cast<int>(rng() % 4);
    for (int l = 0; l < lines; ++l) {
      yaml += keys[rng() % keys.size()] + (rng() % 5 ? ": " : ":  ");
      bool quoted = rng() % 3 == 0;
      if (quoted) yaml += '"';
      int n = 1 + static_cast<int>(rng() % 4);
      for (int p = 0; p < n; ++p) yaml += pieces[rng() % pieces.size()];
      if (quoted) yaml += '"';
      yaml += rng() % 6 ? "\n" : "\n\n";
    }
    if (parse_flat_yaml(yaml)) ++accepted;
    INFO(yaml);
    REQUIRE(flat_yaml_disagreement(yaml) == "");
  }
  // The test means something only if a fair share of documents took the fast path.
  CHECK(accepted > 2000);
}

TEST_CASE("front matter gives the same result through either reader") {
  // The second text makes the flat reader decline (a comment), so yaml-cpp reads it.
  const std::string flat =
      "---\ntitle: \"Stap 1: Huisarts\"\nweight: 2\nslug: stap-1\ndraft: true\n"
      "date: 2026-01-02\nstap: huisarts\nscore: 1.5\naliases: /oud/\n---\nTekst\n";
  std::string commented = flat;
  commented.insert(commented.find("---\nTekst"), "# opmerking\n");
  ParsedSource a, b;
  Diagnostics da, db;
  REQUIRE(parse_page_source("content/a.md", flat, &a, &da));
  REQUIRE(parse_page_source("content/a.md", commented, &b, &db));
  CHECK(a.front_matter.title == b.front_matter.title);
  CHECK(a.front_matter.weight == 2);
  CHECK(a.front_matter.weight == b.front_matter.weight);
  CHECK(a.front_matter.draft == b.front_matter.draft);
  CHECK(a.front_matter.date == b.front_matter.date);
  CHECK(a.front_matter.slug_pos.line == b.front_matter.slug_pos.line);
  CHECK(a.front_matter.slug_pos.column == b.front_matter.slug_pos.column);
  CHECK(a.front_matter.aliases == b.front_matter.aliases);
  CHECK(a.front_matter.alias_positions[0].column == b.front_matter.alias_positions[0].column);
  CHECK(a.front_matter.params == b.front_matter.params);
  CHECK(a.front_matter.params["score"] == 1.5);

  // Errors too: a quoted weight is text, not a number, whichever reader saw it.
  Diagnostics e1, e2;
  ParsedSource c;
  parse_page_source("content/a.md", "---\ntitle: A\nweight: \"3\"\n---\n", &c, &e1);
  parse_page_source("content/a.md", "---\ntitle: A\nweight: \"3\" # x\n---\n", &c, &e2);
  CHECK(format_diagnostics(e1) ==
        "content/a.md:3:9: error: \"weight\" must be a whole number\n"
        "  weight: \"3\"\n"
        "          ^\n");
  CHECK(format_diagnostics(e2).starts_with("content/a.md:3:9: error: \"weight\" must be a whole"));
}

}  // namespace wegwijzer
