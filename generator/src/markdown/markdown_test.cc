#include "markdown/markdown.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "markdown/cmark_document_for_test.h"
#include "markdown/cmark_threads.h"
#include "util/texts_from_pieces_for_test.h"

namespace wegwijzer::markdown {
namespace {

// The project's own site speaks Dutch: these are the words its theme gives the renderer.
Options dutch_options() {
  Options options;
  options.footnote_back_label = "Terug naar de tekst";
  options.fallback_heading_id = "kop";
  return options;
}

std::string html_of(std::string_view text) {
  return render(text, dutch_options()).html;
}

struct SeenLink {
  std::string href;
  int line;
  int column;
  bool operator==(const SeenLink&) const = default;
};

std::ostream& operator<<(std::ostream& out, const SeenLink& link) {
  return out << link.href << " @" << link.line << ":" << link.column;
}

// Renders with first_line = 5, as if four lines of front matter came first.
std::vector<SeenLink> links_in(std::string_view text, std::string* html = nullptr) {
  std::vector<SeenLink> seen;
  Options options;
  options.first_line = 5;
  options.rewrite_link = [&](const std::string& href, int line, int column) {
    seen.push_back({href, line, column});
    return std::optional<std::string>();
  };
  Rendered rendered = render(text, options);
  if (html != nullptr) *html = rendered.html;
  return seen;
}

}  // namespace

TEST_CASE("markdown renders the GFM extensions") {
  SECTION("table") {
    CHECK(html_of("| Wie | Kosten |\n|:----|-------:|\n| Huisarts | € 0 |\n") ==
          "<table>\n<thead>\n<tr>\n<th align=\"left\">Wie</th>\n<th align=\"right\">Kosten</th>\n"
          "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">Huisarts</td>\n"
          "<td align=\"right\">€ 0</td>\n</tr>\n</tbody>\n</table>\n");
  }
  SECTION("strikethrough") {
    CHECK(html_of("Niet ~~gratis~~ meer.") == "<p>Niet <del>gratis</del> meer.</p>\n");
  }
  SECTION("task list") {
    CHECK(html_of("- [ ] bellen\n- [x] mailen\n") ==
          "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> bellen</li>\n"
          "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> mailen</li>\n</ul>\n");
  }
  SECTION("footnote") {
    CHECK(html_of("Eigen risico[^1].\n\n[^1]: In 2024.\n") ==
          "<p>Eigen risico<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" "
          "data-footnote-ref>1</a></sup>.</p>\n"
          "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n"
          "<p>In 2024. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref "
          "aria-label=\"Terug naar de tekst\">↩</a></p>\n</li>\n</ol>\n</section>\n");
  }
  SECTION("autolinks") {
    CHECK(html_of("Zie https://www.113.nl/hulp of www.mind.nl en info@mind.nl.") ==
          "<p>Zie <a href=\"https://www.113.nl/hulp\">https://www.113.nl/hulp</a> of "
          "<a href=\"http://www.mind.nl\">www.mind.nl</a> en "
          "<a href=\"mailto:info@mind.nl\">info@mind.nl</a>.</p>\n");
    CHECK(html_of("<https://ggz.nl>") == "<p><a href=\"https://ggz.nl\">https://ggz.nl</a></p>\n");
  }
}

TEST_CASE("markdown never passes raw HTML through") {
  CHECK(html_of("<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n");
  CHECK(html_of("Klik <b onclick=x>hier</b>.") ==
        "<p>Klik <!-- raw HTML omitted -->hier<!-- raw HTML omitted -->.</p>\n");
  CHECK(html_of("<img src=x onerror=alert(1)>") == "<!-- raw HTML omitted -->\n");
}

TEST_CASE("markdown drops script links however they are written") {
  CHECK(html_of("[a](javascript:alert(1))") == "<p>a</p>\n");
  CHECK(html_of("[a](JaVaScRiPt:alert(1))") == "<p>a</p>\n");
  CHECK(html_of("[a](java&#x09;script:alert(1))") == "<p>a</p>\n");
  CHECK(html_of("[a](java&#10;script:alert(1))") == "<p>a</p>\n");
  CHECK(html_of("[a](&#32;javascript:alert(1))") == "<p>a</p>\n");
  CHECK(html_of("[a](&#106;avascript:alert(1))") == "<p>a</p>\n");
  CHECK(html_of("[a](javascript&colon;alert(1))") == "<p>a</p>\n");
  CHECK(html_of("[a](<javascript:alert(1)>)") == "<p>a</p>\n");
  CHECK(html_of("[a](vbscript:msgbox)") == "<p>a</p>\n");
  CHECK(html_of("[a](file:///etc/passwd)") == "<p>a</p>\n");
  CHECK(html_of("<javascript:alert(1)>") == "<p>javascript:alert(1)</p>\n");
  CHECK(html_of("![x](javascript:alert(1))") == "<p><img src=\"\" alt=\"x\" /></p>\n");
  CHECK(html_of("[a]\n\n[a]: JAVASCRIPT:alert(1)") == "<p>a</p>\n");
  // Ordinary links stay as they are.
  CHECK(html_of("[a](/zorg/kosten \"Kosten\")") ==
        "<p><a href=\"/zorg/kosten\" title=\"Kosten\">a</a></p>\n");
  CHECK(html_of("[a](mailto:info@ggz.nl)") == "<p><a href=\"mailto:info@ggz.nl\">a</a></p>\n");

  SECTION("also when the rewriter hands one back") {
    Options options;
    options.rewrite_link = [](const std::string&, int, int) {
      return std::optional<std::string>("javascript:alert(1)");
    };
    CHECK(render("[a](/x)", options).html == "<p>a</p>\n");
  }
}

TEST_CASE("markdown gives every heading a unique id") {
  Options options = dutch_options();
  options.first_line = 3;
  Rendered rendered = render(
      "# Wat is een cliëntondersteuner?\n"
      "\n"
      "## Kosten\n"
      "## Kosten\n"
      "## Kosten 1\n"
      "## Kosten\n"
      "\n"
      "Setext *kop*\n"
      "------------\n"
      "\n"
      "### ?!\n"
      "\n"
      "- ## In een lijst\n"
      "\n"
      "> ### In een `citaat`\n",
      options);
  CHECK(rendered.html ==
        "<h1 id=\"wat-is-een-clientondersteuner\">Wat is een cliëntondersteuner?</h1>\n"
        "<h2 id=\"kosten\">Kosten</h2>\n"
        "<h2 id=\"kosten-1\">Kosten</h2>\n"
        "<h2 id=\"kosten-1-1\">Kosten 1</h2>\n"
        "<h2 id=\"kosten-2\">Kosten</h2>\n"
        "<h2 id=\"setext-kop\">Setext <em>kop</em></h2>\n"
        "<h3 id=\"kop\">?!</h3>\n"
        "<ul>\n<li>\n<h2 id=\"in-een-lijst\">In een lijst</h2>\n</li>\n</ul>\n"
        "<blockquote>\n<h3 id=\"in-een-citaat\">In een <code>citaat</code></h3>\n</blockquote>\n");
  using Row = std::tuple<int, std::string, std::string, int>;
  std::vector<Row> rows;
  for (const Heading& h : rendered.headings) rows.emplace_back(h.level, h.text, h.id, h.line);
  CHECK(rows == std::vector<Row>{
                    {1, "Wat is een cliëntondersteuner?", "wat-is-een-clientondersteuner", 3},
                    {2, "Kosten", "kosten", 5},
                    {2, "Kosten", "kosten-1", 6},
                    {2, "Kosten 1", "kosten-1-1", 7},
                    {2, "Kosten", "kosten-2", 8},
                    {2, "Setext kop", "setext-kop", 10},
                    {3, "?!", "kop", 13},
                    {2, "In een lijst", "in-een-lijst", 15},
                    {3, "In een citaat", "in-een-citaat", 17},
                });
}

TEST_CASE("heading ids stay unique when a later heading spells a numbered one") {
  Rendered rendered = render("## Kosten 1\n## Kosten\n## Kosten\n## Kop\n## ?\n", dutch_options());
  std::vector<std::string> ids;
  for (const Heading& h : rendered.headings) ids.push_back(h.id);
  CHECK(ids == std::vector<std::string>{"kosten-1", "kosten", "kosten-2", "kop", "kop-1"});
}

TEST_CASE("heading ids keep clear of footnote ids") {
  Rendered rendered = render("## Fn 1\n\nTekst[^1].\n\n[^1]: Noot.\n", dutch_options());
  REQUIRE(rendered.headings.size() == 1);
  CHECK(rendered.headings[0].id == "kop-fn-1");
}

TEST_CASE("markdown reports links where they are in the file") {
  SECTION("lines of one paragraph") {
    std::string html;
    auto links = links_in(
        "[Eerste](/a) regel met ![logo](/img/logo.png)\n"
        "tweede regel\n"
        "  derde [sic] [met](/b) en één [twee](/c)\n",
        &html);
    CHECK(links == std::vector<SeenLink>{
                       {"/a", 5, 1}, {"/img/logo.png", 5, 24}, {"/b", 7, 15}, {"/c", 7, 32}});
  }
  SECTION("list items, nested lists and lazy lines") {
    auto links = links_in(
        "Tekst\n"
        "\n"
        "- [een](/1)\n"
        "  en [twee](/2)\n"
        "  - sub [drie](/3)\n"
        "lui [vier](/4)\n"
        "10. ![beeld](/5.png)\n");
    CHECK(links == std::vector<SeenLink>{
                       {"/1", 7, 3}, {"/2", 8, 6}, {"/3", 9, 9}, {"/4", 10, 5}, {"/5.png", 11, 5}});
  }
  SECTION("block quotes") {
    auto links = links_in(
        "> Zie [hier](/q1)\n"
        ">   en >[daar](/q2)\n"
        "lui [sic] [lazy](/q3)\n"
        "> > diep [diep](/q4)\n");
    CHECK(links ==
          std::vector<SeenLink>{{"/q1", 5, 7}, {"/q2", 6, 9}, {"/q3", 7, 11}, {"/q4", 8, 10}});
  }
  SECTION("headings, tables and footnotes") {
    auto links = links_in(
        "## Kop met [link](/h)\n"
        "\n"
        "Setext [een](/s1)\n"
        "  tweede [twee](/s2)\n"
        "===\n"
        "\n"
        "  | a | b |\n"
        "  |---|---|\n"
        "  | [x](/x) | ü [y](/y) |\n"
        "\n"
        "Noot[^n].\n"
        "\n"
        "[^n]: Zie [f](/f)\n"
        "    en [g](/g)\n");
    CHECK(links == std::vector<SeenLink>{{"/h", 5, 12},
                                         {"/s1", 7, 8},
                                         {"/s2", 8, 10},
                                         {"/x", 13, 5},
                                         {"/y", 13, 17},
                                         {"/f", 17, 11},
                                         {"/g", 18, 8}});
  }
  SECTION("autolinks, references and links in links") {
    auto links = links_in(
        "Bel https://a.nl of https://b.nl\n"
        "https://c.nl en www.d.nl, <https://e.nl> of info@f.nl\n"
        "[Ref] en [tekst][ref] en [![x](/i.png)](/l)\n"
        "\n"
        "[ref]: /verwijzing\n");
    CHECK(links == std::vector<SeenLink>{{"https://a.nl", 5, 5},
                                         {"https://b.nl", 5, 21},
                                         {"https://c.nl", 6, 1},
                                         {"http://www.d.nl", 6, 17},
                                         {"https://e.nl", 6, 27},
                                         {"mailto:info@f.nl", 6, 45},
                                         {"/verwijzing", 7, 1},
                                         {"/verwijzing", 7, 10},
                                         {"/l", 7, 26},
                                         {"/i.png", 7, 27}});
  }
  SECTION("a paragraph right after a link reference definition") {
    auto links = links_in("[r]: /r\n[a](/a) en\n[b](/b)\n");
    CHECK(links == std::vector<SeenLink>{{"/a", 6, 1}, {"/b", 7, 1}});
  }
  SECTION("where cmark's own inline positions go wrong") {
    // Code span and www. autolink columns, a backslash break and a title over two lines that
    // cmark does not count, link text over two lines, an <autolink> on a lazy line, and a
    // reference definition at the start of a list item.
    auto links = links_in(
        "Een `code`\n"
        "`code` [sic] [a](/a) en\\\n"
        "na breuk [sic] [b](/b)\n"
        "www.c.nl [c](/c)\n"
        "[d\n"
        "over regels](/d) [e](/e \"titel\n"
        "over regels\") [f](/f)\n"
        "> > x\n"
        "> <https://g.nl> [h](/h)\n"
        "\n"
        "- [r]: /r\n"
        "  [i](/i) `x`\n");
    CHECK(links == std::vector<SeenLink>{{"/a", 6, 14},
                                         {"/b", 7, 16},
                                         {"http://www.c.nl", 8, 1},
                                         {"/c", 8, 10},
                                         {"/d", 9, 1},
                                         {"/e", 10, 18},
                                         {"/f", 11, 15},
                                         {"https://g.nl", 13, 3},
                                         {"/h", 13, 18},
                                         {"/i", 16, 3}});
  }
  SECTION("the rewriter's answer becomes the destination") {
    Options options;
    options.rewrite_link = [](const std::string& href, int, int) -> std::optional<std::string> {
      if (href == "zorg/kosten.md") return "/zorg/kosten/";
      if (href == "foto.jpg") return "/media/foto.jpg";
      return std::nullopt;
    };
    CHECK(render("[k](zorg/kosten.md \"t\") [l](/blijft) ![f](foto.jpg)", options).html ==
          "<p><a href=\"/zorg/kosten/\" title=\"t\">k</a> <a href=\"/blijft\">l</a> "
          "<img src=\"/media/foto.jpg\" alt=\"f\" /></p>\n");
  }
}

TEST_CASE("markdown hands block directives to the handler") {
  std::vector<BlockDirective> seen;
  Options options;
  options.first_line = 10;
  options.handle_block = [&](const BlockDirective& d) -> std::optional<std::string> {
    seen.push_back(d);
    if (d.name == "unknown") return std::nullopt;
    std::string html = "<div class=\"" + d.name + "\">";
    for (const auto& [key, value] : d.args) html += key + "=" + value + ";";
    return html + "<script>ok()</script></div>\n";
  };

  SECTION("replaced by the handler's HTML, inserted as is") {
    Rendered rendered = render(
        "Intro\n"
        "\n"
        "{{< contact regio=\"utrecht\" soort=\"crisis dienst\" url=\"https://x.nl/a_b_c\" >}}\n"
        "\n"
        "- {{<kaart>}}\n",
        options);
    CHECK(rendered.html ==
          "<p>Intro</p>\n"
          "<div class=\"contact\">regio=utrecht;soort=crisis dienst;url=https://x.nl/a_b_c;"
          "<script>ok()</script></div>\n"
          "<ul>\n<li>\n<div class=\"kaart\"><script>ok()</script></div>\n</li>\n</ul>\n");
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].name == "contact");
    CHECK(seen[0].args == std::map<std::string, std::string>{{"regio", "utrecht"},
                                                             {"soort", "crisis dienst"},
                                                             {"url", "https://x.nl/a_b_c"}});
    CHECK(seen[0].line == 12);
    CHECK(seen[0].column == 1);
    CHECK(seen[1].name == "kaart");
    CHECK(seen[1].args.empty());
    CHECK(seen[1].line == 14);
    CHECK(seen[1].column == 3);
    CHECK(rendered.word_count == 1);
  }
  SECTION("left as text when the handler declines") {
    CHECK(render("{{< unknown a=\"1\" >}}", options).html ==
          "<p>{{&lt; unknown a=&quot;1&quot; &gt;}}</p>\n");
    CHECK(seen.size() == 1);
  }
  SECTION("malformed, inline or in code: text, and the handler is not asked") {
    CHECK(render("{{< >}}\n\n{{< x a=\"1 >}}\n\n{{< x a=1 >}}\n\n{{< x a=\"1\"b=\"2\" >}}\n\n"
                 "Zie {{< x >}}\n\n`{{< x >}}`\n\n    {{< x >}}\n\n```\n{{< x >}}\n```\n\n"
                 "\\{{< x >}}\n",
                 options)
              .html ==
          "<p>{{&lt; &gt;}}</p>\n"
          "<p>{{&lt; x a=&quot;1 &gt;}}</p>\n"
          "<p>{{&lt; x a=1 &gt;}}</p>\n"
          "<p>{{&lt; x a=&quot;1&quot;b=&quot;2&quot; &gt;}}</p>\n"
          "<p>Zie {{&lt; x &gt;}}</p>\n"
          "<p><code>{{&lt; x &gt;}}</code></p>\n"
          "<pre><code>{{&lt; x &gt;}}\n</code></pre>\n"
          "<pre><code>{{&lt; x &gt;}}\n</code></pre>\n"
          "<p>{{&lt; x &gt;}}</p>\n");
    CHECK(seen.empty());
  }
}

TEST_CASE("markdown counts words, summarises and gives plain text") {
  Options options;
  options.want_plain_text = true;
  Rendered rendered = render(
      "# De huisarts\n"
      "\n"
      "- Een lijst eerst.\n"
      "\n"
      "> Een citaat.\n"
      "\n"
      "![Logo van de GGZ](/logo.png) De *huisarts*   helpt\n"
      "je [verder](https://x.nl/lang/pad) met `e-mail` – €5, cli**ënt**.\n"
      "\n"
      "```\n"
      "code telt niet mee\n"
      "```\n"
      "\n"
      "| Wie | Wat |\n"
      "|-----|-----|\n"
      "| Jij | Bellen |\n"
      "\n"
      "Laatste<b>HTML</b> zin.\n",
      options);
  // De huisarts | Een lijst eerst | Een citaat | De huisarts helpt je verder met e-mail €5 cliënt
  // | Wie Wat Jij Bellen | LaatsteHTML zin: the omitted tags leave "Laatste" and "HTML" joined.
  CHECK(rendered.word_count == 2 + 3 + 2 + 9 + 4 + 2);
  CHECK(rendered.summary == "De huisarts helpt je verder met e-mail – €5, cliënt.");
  CHECK(rendered.plain_text ==
        "De huisarts\n"
        "Een lijst eerst.\n"
        "Een citaat.\n"
        "De huisarts helpt je verder met e-mail – €5, cliënt.\n"
        "Wie\tWat\n"
        "Jij\tBellen\n"
        "LaatsteHTML zin.\n");
  CHECK(render("Geen plain text", Options{}).plain_text.empty());
}

TEST_CASE("markdown counts words and keeps the summary the same in long text, ASCII or not") {
  // Long paragraphs cross many 16-byte blocks, so words straddle the blocks the counter reads at
  // once; Latin-1 letters ("é", "Ö") are read with them, other characters beyond ASCII send a
  // block the slow way. A word is a run without whitespace holding a letter or digit: "é" is one,
  // "€", "→", "×", "¿" and "," are not. The summary is the first paragraph with each run of
  // whitespace made one space, whether the text between is single-spaced or not.
  const std::vector<std::string> pieces = {"a", "zorg",   "Q7", "9",  ",", ",,",  "€",  "→",
                                           "é", "cliënt", "€5", "→x", "",  "(",   ")",  "×",
                                           "÷", "À",      "ÿ",  "Ö",  "—", "ééé", "x×", "¿"};
  const std::vector<std::string> gaps = {" ", "  ", "\t", " \t "};
  std::mt19937 rng(7);
  for (int doc = 0; doc < 1000; ++doc) {
    std::string text, summary;
    size_t expected = 0;
    int paragraphs = 1 + static_cast<int>(rng() % 3);
    for (int p = 0; p < paragraphs; ++p) {
      std::string token = "Start";  // a letter first: no list, code block or heading
      int tokens = 1 + static_cast<int>(rng() % 60);
      for (int t = 0; t < tokens; ++t) {
        int parts = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < parts; ++k) token += pieces[rng() % pieces.size()];
        if (p == 0 && !token.empty()) summary += (summary.empty() ? "" : " ") + token;
        bool word =
            token.find_first_of("abcdefghijklmnopqrstuvwxyzQ0123456789") != std::string::npos ||
            token.find("é") != std::string::npos || token.find("ë") != std::string::npos ||
            token.find("À") != std::string::npos || token.find("ÿ") != std::string::npos ||
            token.find("Ö") != std::string::npos;
        if (word) ++expected;
        text += token;
        text += t + 1 < tokens ? gaps[rng() % gaps.size()] : "\n\n";
        token.clear();
      }
    }
    INFO(text);
    Rendered rendered = render(text, Options{});
    CHECK(rendered.word_count == expected);
    CHECK(rendered.summary == summary);
  }
}

TEST_CASE("markdown summary: one run of whitespace becomes one space wherever it falls") {
  // Words joined by single spaces go into the summary in one piece, read sixteen bytes at a time:
  // a second space or a tab at any position, across those blocks too, must still be seen.
  std::string words;  // 63 bytes, a space at every third to sixth byte
  for (int w = 0; w < 16; ++w) words += std::string(2 + w % 4, static_cast<char>('a' + w)) + " ";
  words.pop_back();
  for (std::string_view extra : {" ", "\t"}) {
    for (size_t at = 1; at < words.size(); ++at) {
      if (words[at] != ' ') continue;
      std::string text = words;
      text.insert(at, extra);
      INFO(text);
      CHECK(render(text + "\n", Options{}).summary == words);
    }
  }
}

TEST_CASE("markdown renders empty and blank input to nothing") {
  for (std::string_view text : {"", "\n\n", "   \n\t\n"}) {
    Rendered rendered = render(text, Options{});
    CHECK(rendered.html.empty());
    CHECK(rendered.headings.empty());
    CHECK(rendered.word_count == 0);
    CHECK(rendered.summary.empty());
  }
}

TEST_CASE("markdown survives absurd nesting") {
  std::string quotes(10000, '>');
  quotes += " diep [x](/x)\n";
  Rendered rendered = render(quotes, Options{});
  CHECK(rendered.html.find("<p>diep <a href=\"/x\">x</a></p>") != std::string::npos);
  CHECK(rendered.word_count == 2);

  std::string items;
  for (int i = 0; i < 10000; ++i) items += "- ";
  items += "diep\n";
  CHECK(render(items, Options{}).word_count == 1);

  std::string indented;
  for (int i = 0; i < 2000; ++i) indented += std::string(2 * i, ' ') + "- niveau\n";
  CHECK(render(indented, Options{}).word_count == 2000);

  std::string brackets = std::string(10000, '[') + "x" + std::string(10000, ']');
  CHECK(render(brackets, Options{}).word_count == 1);
}

TEST_CASE("markdown renders the same on several threads at once") {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "## Kop\n\nTekst ~~weg~~ en https://x.nl/" + std::to_string(i) +
            " en [link](/a).\n\n| a | b |\n|---|---|\n| ~c~ | www.d.nl |\n\n";
  }
  Options options;
  options.want_plain_text = true;
  const std::string expected = render(text, options).html;
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        if (render(text, options).html != expected) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}

}  // namespace wegwijzer::markdown

namespace wegwijzer::markdown {

TEST_CASE("markdown: documents parse in parallel with the same result as one at a time") {
  REQUIRE(parallel_parsing_is_safe());
  std::string doc;
  for (int i = 0; i < 200; ++i) {
    doc +=
        "| a | b |\n|---|---|\n| ~~x~~ | https://example.nl |\n\nTekst ~~weg~~ en "
        "www.example.nl.\n\n";
  }
  Options options;
  const std::string expected = render(doc, options).html;
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        std::string html = render(doc, options).html;
        if (html != expected) results[t] = html;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const std::string& r : results) CHECK(r.empty());
  CHECK(expected.find("<del>weg</del>") != std::string::npos);
  CHECK(expected.find("<td><a href=\"https://example.nl\">") != std::string::npos);
}

}  // namespace wegwijzer::markdown

namespace wegwijzer::markdown {

TEST_CASE("markdown: inline directives are replaced where they stand, positions intact") {
  Options options;
  options.first_line = 5;
  std::vector<BlockDirective> seen;
  options.handle_inline = [&](const BlockDirective& d) -> std::optional<InlineReplacement> {
    seen.push_back(d);
    if (d.args.count("id") == 0) return std::nullopt;
    return InlineReplacement{"<b>" + d.args.at("id") + "</b>", d.args.at("id")};
  };
  std::vector<std::pair<int, int>> links;
  options.rewrite_link = [&](const std::string&, int line, int column) {
    links.emplace_back(line, column);
    return std::nullopt;
  };
  Rendered r = render(
      "## Bel {{< feit id=\"112\" >}} nu\n\nBel {{< feit id=\"113\" >}} of [lees](x.md).\n\n"
      "{{< los >}} en {{< kapot\n",
      options);
  CHECK(r.html ==
        "<h2 id=\"bel-112-nu\">Bel <b>112</b> nu</h2>\n<p>Bel <b>113</b> of <a "
        "href=\"x.md\">lees</a>.</p>\n<p>{{&lt; los &gt;}} en {{&lt; kapot</p>\n");
  CHECK(r.headings[0].text == "Bel 112 nu");
  REQUIRE(seen.size() == 3);
  CHECK(seen[1].line == 7);
  CHECK(seen[1].column == 5);
  REQUIRE(links.size() == 1);
  CHECK(links[0] == std::pair<int, int>(7, 30));  // where it is in the file, not the HTML
}

TEST_CASE("markdown: the keys of inline directives come in the order the HTML has them") {
  Options options;
  options.handle_inline = [&](const BlockDirective& d) -> std::optional<InlineReplacement> {
    return InlineReplacement{"<b>" + d.args.at("id") + "</b>", d.args.at("id"), d.args.at("id")};
  };
  Rendered r = render(
      "Eerst[^1] {{< feit id=\"a\" >}}.\n\n[^1]: Voetnoot {{< feit id=\"b\" >}}.\n\n"
      "Dan {{< feit id=\"c\" >}} en {{< feit id=\"a\" >}}.\n",
      options);
  // The footnote's text is at the end of the HTML, so its fact comes last.
  CHECK(r.inline_keys == std::vector<std::string>{"a", "c", "a", "b"});
}

TEST_CASE("markdown: a directive alone on its line stays a block directive") {
  Options options;
  int inline_calls = 0;
  options.handle_inline = [&](const BlockDirective&) -> std::optional<InlineReplacement> {
    ++inline_calls;
    return InlineReplacement{"x", "x"};
  };
  options.handle_block = [](const BlockDirective& d) -> std::optional<std::string> {
    return "<div>" + d.name + "</div>";
  };
  CHECK(render("{{< kaart >}}\n", options).html == "<div>kaart</div>\n");
  CHECK(inline_calls == 0);
}

TEST_CASE("markdown: a text whose only '#' mark headings cannot link to an anchor") {
  CHECK_FALSE(may_link_to_anchors("# Kop\n\n## Kop 2\n   ### Derde\n[a](b.md)\n#\n"));
  CHECK(may_link_to_anchors("Zie [a](b.md#kop)."));
  CHECK(may_link_to_anchors("## Kop met [een link](b.md#kop)"));
  CHECK(may_link_to_anchors("[a]: &#35;kop"));
  CHECK(may_link_to_anchors("#kop is geen kop"));
  CHECK(may_link_to_anchors("    # code"));

  // Generated texts: whenever a destination holds a '#', the first look said it might.
  const std::vector<std::string> pieces = {
      "#", "## ",   "\n",    "   ", "[a](", "b.md",   "#c", ")",        "[x]: ", "\n[x]", "<",
      ">", "&#35;", "&num;", "`",   "C# ",  "tekst ", "\t", "####### ", "[y]\n", "(#",    "\\#"};
  TextsFromPiecesForTest texts(pieces, 14, 20261205);
  size_t with_anchor = 0, without = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = texts.next();
    bool anchor = false;
    Options options;
    options.rewrite_link = [&](const std::string& href, int, int) -> std::optional<std::string> {
      anchor = anchor || href.find('#') != std::string::npos;
      return std::nullopt;
    };
    render(text, options);
    bool may = may_link_to_anchors(text);
    anchor ? ++with_anchor : ++without;
    INFO(text);
    REQUIRE((may || !anchor));
  }
  CHECK(with_anchor > 200);
  CHECK(without > 500);
}

TEST_CASE("markdown: a text that cannot hold a footnote renders the same without the option") {
  CHECK_FALSE(may_hold_footnotes("Tekst [met] een [een](link) en &amp;.\n"));
  CHECK(may_hold_footnotes("[&#94;1]"));
  CHECK(may_hold_footnotes("[&Hat;1]"));
  CHECK(may_hold_footnotes("Zie[^1].\n\n[^1]: Bron.\n"));
  CHECK(html_of("Zie[^1].\n\n[^1]: Bron.\n").find("footnote") != std::string::npos);

  // Generated texts from the pieces of footnote syntax, judged by cmark-gfm itself: where the
  // first look says no footnote can be, the option makes no difference. (A first version that
  // looked for "[^" only failed here on "[&#94;x]".)
  const std::vector<std::string> pieces = {"[",  "^",   "]",     "[^1]", ": ",     "x",    "\n",
                                           "> ", "- ",  "    ",  "\\",   "&#94;",  "`",    "| ",
                                           "*",  "1. ", "[^",    "]:",   "\t",     "(y)",  "<",
                                           ">",  "~~",  "&Hat;", "\\^",  "&#x5e;", "&amp;"};
  TextsFromPiecesForTest texts(pieces, 16, 20261206);
  size_t judged = 0, differ_where_may = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = texts.next();
    // cmark-gfm reads freed memory on these with the option (the renderer leaves it off there).
    if (find_caret_reference_after_bracket(text) != std::string::npos) continue;
    std::string with = CmarkDocumentForTest(text, CMARK_OPT_FOOTNOTES).html();
    std::string without = CmarkDocumentForTest(text, 0).html();
    INFO(text);
    if (may_hold_footnotes(text)) {
      differ_where_may += with != without;
      continue;
    }
    ++judged;
    REQUIRE(with == without);
  }
  CHECK(judged > 2000);
  CHECK(differ_where_may > 500);  // the pieces do make footnotes
}

TEST_CASE("markdown: a bracket and a reference for the caret are text, never a footnote mark") {
  CHECK(find_caret_reference_after_bracket("Zie [&#94;x].") == 4);
  CHECK(find_caret_reference_after_bracket("[&#x5e;x]") == 0);
  CHECK(find_caret_reference_after_bracket("[&#X5E;x]") == 0);
  CHECK(find_caret_reference_after_bracket("[&#000094;x]") == 0);
  CHECK(find_caret_reference_after_bracket("![&Hat;x]") == 1);
  CHECK(find_caret_reference_after_bracket("[&#95;x] [ &#94;x] &#94; [&#94x] [&amp;]") ==
        std::string::npos);
  CHECK(defines_footnote("Zie[^1].\n\n[^1]: Bron.\n"));
  CHECK_FALSE(defines_footnote("[^a-z]\n\n[b]: /c\n"));

  // cmark-gfm with footnotes reads past the one-byte text the reference became (AddressSanitizer
  // reports it); the renderer parses such a text without them, so the same text always comes out.
  CHECK(html_of("[&#94;x] en [&Hat;y]") == "<p>[^x] en [^y]</p>\n");
  CHECK(html_of("Zie[^1].\n\n[^1]: Bron.\n").find("footnote") != std::string::npos);
}

}  // namespace wegwijzer::markdown
