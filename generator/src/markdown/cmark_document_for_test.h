#pragma once

// For tests: cmark-gfm itself, with the extensions the renderer attaches, as the judge of what the
// project's own code writes or what an option changes.

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <string>

#include "markdown/cmark_extensions.h"
#include "markdown/cmark_owners.h"
#include "markdown/cmark_threads.h"

namespace wegwijzer::markdown {

class CmarkDocumentForTest {
 public:
  CmarkDocumentForTest(const std::string& text, int options)
      : CmarkDocumentForTest(text, options, all_extensions()) {}
  // With the extensions the renderer chose (cmark_extensions.h).
  CmarkDocumentForTest(const std::string& text, int options, ChosenExtensions extensions)
      : options_(options) {
    parser_.reset(cmark_parser_new(options));
    for (cmark_syntax_extension* extension : extensions.list) {
      if (extension != nullptr) cmark_parser_attach_syntax_extension(parser_.get(), extension);
    }
    AutolinkCharacters lease(extensions.inline_autolinks);
    cmark_parser_feed(parser_.get(), text.data(), text.size());
    document_.reset(cmark_parser_finish(parser_.get()));
  }
  CmarkDocumentForTest(const CmarkDocumentForTest&) = delete;
  CmarkDocumentForTest& operator=(const CmarkDocumentForTest&) = delete;

  cmark_node* document() const { return document_.get(); }

  // cmark_render_html's HTML of the document.
  std::string html() const {
    char* html = cmark_render_html(document_.get(), options_,
                                   cmark_parser_get_syntax_extensions(parser_.get()));
    std::string out(html);
    free(html);
    return out;
  }

 private:
  int options_;
  ParserPtr parser_;  // declared first, so freed after the document
  NodePtr document_;
};

}  // namespace wegwijzer::markdown
