#pragma once

// For tests: cmark-gfm itself, with the extensions the renderer attaches, as the judge of what the
// project's own code writes or what an option changes.

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <string>

namespace wegwijzer::markdown {

class CmarkDocumentForTest {
 public:
  CmarkDocumentForTest(const std::string& text, int options) : options_(options) {
    cmark_gfm_core_extensions_ensure_registered();
    parser_ = cmark_parser_new(options);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist", "tagfilter"}) {
      cmark_parser_attach_syntax_extension(parser_, cmark_find_syntax_extension(name));
    }
    cmark_parser_feed(parser_, text.data(), text.size());
    document_ = cmark_parser_finish(parser_);
  }
  ~CmarkDocumentForTest() {
    cmark_node_free(document_);
    cmark_parser_free(parser_);
  }
  CmarkDocumentForTest(const CmarkDocumentForTest&) = delete;
  CmarkDocumentForTest& operator=(const CmarkDocumentForTest&) = delete;

  cmark_node* document() const { return document_; }

  // cmark_render_html's HTML of the document.
  std::string html() const {
    char* html =
        cmark_render_html(document_, options_, cmark_parser_get_syntax_extensions(parser_));
    std::string out(html);
    free(html);
    return out;
  }

 private:
  int options_;
  cmark_parser* parser_;
  cmark_node* document_;
};

}  // namespace wegwijzer::markdown
