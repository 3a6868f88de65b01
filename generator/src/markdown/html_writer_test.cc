#include "markdown/html_writer.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "markdown/cmark_document_for_test.h"
#include "markdown/cmark_node_access.h"
#include "util/texts_from_pieces_for_test.h"

namespace wegwijzer::markdown {
namespace {

// HtmlWriter's HTML of `text` with every heading id left out, or nullopt where it leaves the text
// to cmark-gfm.
std::optional<std::string> written(const CmarkDocumentForTest& parsed) {
  HtmlWriter writer;
  size_t headings = 0;
  walk_tree(
      parsed.document(),
      [&](cmark_node* node) {
        headings += type_of(node) == CMARK_NODE_HEADING;
        writer.enter(node);
        return true;
      },
      [&](cmark_node* node) { writer.leave(node); });
  std::optional<std::string> html = writer.take(std::vector<std::string_view>(headings, "@"));
  if (!html) return html;
  for (size_t at = html->find(" id=\"@\""); at != std::string::npos; at = html->find(" id=\"@\"")) {
    html->erase(at, 7);  // '@' and '"' are escaped in text, so this can only be an id
  }
  return html;
}

TEST_CASE("html writer: cmark-gfm's HTML for the usual building blocks") {
  const std::string text =
      "# Kop *een*\n\nTekst met **vet**, _schuin_, ~~weg~~, `code` en [link](a.md \"titel\").\n"
      "Regel  \nbreuk <b>html</b> & \"quotes\" 'enkel' / schuin.\n\n"
      "- los\n- lijst\n\n3. genummerd\n\n   met alinea\n4. verder\n\n> citaat\n\n"
      "```js info\nvar x = \"<a>\";\n```\n\n    ingesprongen\n\n---\n\n<div>blok</div>\n\n"
      "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n![beeld *alt*\ntekst](i.png \"t\")\n"
      "https://www.voorbeeld.nl en www.voorbeeld.nl en mail@voorbeeld.nl\n\n"
      "[j](javascript:alert(1)) [d](data:image/png;base64,AA) [e](DATA:text/html,x)\n\n"
      "Setext\n===\n";
  CmarkDocumentForTest parsed(text, 0);
  std::optional<std::string> html = written(parsed);
  REQUIRE(html);
  CHECK(*html == parsed.html());
}

TEST_CASE("html writer: footnotes and task lists are left to cmark-gfm") {
  CHECK_FALSE(written(CmarkDocumentForTest("Zie[^1].\n\n[^1]: Bron.\n", CMARK_OPT_FOOTNOTES)));
  CHECK_FALSE(written(CmarkDocumentForTest("- [ ] taak\n- [x] klaar\n", 0)));
  CHECK(written(CmarkDocumentForTest("- [ ]\n", 0)));  // no task: an empty link text
}

TEST_CASE("html writer: the same HTML as cmark-gfm for generated texts") {
  const std::vector<std::string> pieces = {"# ",
                                           "## ",
                                           "\n",
                                           "\n\n",
                                           "- ",
                                           "1. ",
                                           "3) ",
                                           "> ",
                                           "    ",
                                           "```js\n",
                                           "```\n",
                                           "| a | b | c |\n|:-|:-:|-:|\n",
                                           "| x |",
                                           "*",
                                           "**",
                                           "_",
                                           "~~",
                                           "`",
                                           "tekst ",
                                           "[a](b.md)",
                                           " \"t\")",
                                           "![i *x*](",
                                           "i.png)",
                                           "<b>",
                                           "<!--",
                                           "-->",
                                           "<div>\n",
                                           "www.x.nl",
                                           "https://x.nl",
                                           "mail@x.nl",
                                           "(javascript:x)",
                                           "[d](data:image/png;x)",
                                           "&amp;",
                                           "&",
                                           "\"",
                                           "'",
                                           "<",
                                           ">",
                                           "\\",
                                           "  \n",
                                           "---\n",
                                           "- [ ] taak",
                                           "[^1]",
                                           "é",
                                           "|",
                                           "***\n",
                                           "===\n",
                                           "\t",
                                           "[x]: /y\n",
                                           "[x]",
                                           "<https://a.b>",
                                           "~~~\n"};
  TextsFromPiecesForTest texts(pieces, 20, 20261207);
  size_t compared = 0, left_to_cmark = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = texts.next();
    CmarkDocumentForTest parsed(text, 0);
    std::optional<std::string> html = written(parsed);
    if (!html) {
      ++left_to_cmark;
      continue;
    }
    ++compared;
    INFO(text);
    REQUIRE(*html == parsed.html());
  }
  CHECK(compared > 10000);
  CHECK(left_to_cmark > 100);
}

}  // namespace
}  // namespace wegwijzer::markdown
