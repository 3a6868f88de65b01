#include "search/document.h"

#include <catch2/catch.hpp>

namespace wegwijzer::search {
namespace {

TEST_CASE("document: the text of <main>, headings apart, menus and scripts left out") {
  std::string html =
      "<html><head><title>X</title></head><body><nav><a href=/>Home</a></nav>\n"
      "<main id=\"inhoud\" class='ww-main'>\n"
      "<h1>Hulp bij <em>crisis</em></h1>\n"
      "<p class=\"ww-lead\">Bel <a href=\"tel:113\">113</a> &amp; praat.</p>\n"
      "<nav class=\"ww-toc\"><h2>Op deze pagina</h2><ul><li>x</li></ul></nav>\n"
      "<h2 id=\"a\">Denk je aan zelfdoding?</h2><script>var a = '<h2>no</h2>';</script>\n"
      "<ul><li>Direct gevaar:&nbsp;bel 112.</li><li>&#39;s Nachts: de &#x48;AP</li></ul>\n"
      "<!-- <p>hidden</p> --><style>p{}</style><svg><title>icon</title></svg>"
      "<dl><dt>Provincie</dt><dd>Noord-Holland</dd></dl>\n"
      "<h3>Wie helpt?</h3>x &lt; y<br>z</main><footer>Voet</footer></body></html>";
  Document doc = extract_document(html, {"/crisis/", "Crisis", "", "nl", {"suïcide"}});
  CHECK(doc.has_main);
  CHECK(doc.info.url == "/crisis/");
  CHECK(doc.heading1 == "Hulp bij crisis");
  CHECK(doc.headings ==
        std::vector<std::string>{"Hulp bij crisis", "Denk je aan zelfdoding?", "Wie helpt?"});
  CHECK(doc.body ==
        "Bel 113 & praat.\nDirect gevaar:\u00a0bel 112.\n's Nachts: de HAP\nProvincie\n"
        "Noord-Holland\nx < y\nz");
  CHECK(doc.text ==
        "Hulp bij crisis\nBel 113 & praat.\nDenk je aan zelfdoding?\nDirect gevaar:\u00a0bel "
        "112.\n's Nachts: de HAP\nProvincie\nNoord-Holland\nWie helpt?\nx < y\nz");
}

TEST_CASE("document: a page without <main> has nothing to index") {
  Document doc =
      extract_document("<html><body><p>Tekst</p></body></html>", {"/x/", "", "", "nl", {}});
  CHECK_FALSE(doc.has_main);
  CHECK(doc.text.empty());
  // <mainly> is not <main>; an unclosed one runs to the end of the page.
  Document open =
      extract_document("<mainly>a</mainly><main>b &unknown; & c", {"/y/", "", "", "nl", {}});
  CHECK(open.body == "b &unknown; & c");
}

}  // namespace
}  // namespace wegwijzer::search
