#pragma once

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wegwijzer::markdown {

// cmark-gfm's HTML for a document, written by the walk that already visits every node for its
// words, headings and links, instead of by cmark_render_html in a second walk over a tree changed
// for heading ids. It writes what cmark_render_html writes in safe mode without options, byte for
// byte (html_writer_test compares the two on generated texts), for the nodes pages are made of:
// CommonMark, tables, strikethrough and autolinks. On anything else (a footnote, a task list
// item, a node of another extension) it stops, and the caller renders with cmark-gfm instead.
//
// Each node is given to enter() in document order and to leave() once everything below it is
// done, leaves included.
class HtmlWriter {
 public:
  // False once the document held a node this writer leaves to cmark-gfm.
  bool ok() const { return ok_; }

  void enter(cmark_node* node);
  void leave(cmark_node* node);
  // In place of a paragraph and everything in it (a block directive): `html` as cmark-gfm writes
  // a custom block. The paragraph's leave() writes nothing.
  void replace(cmark_node* paragraph, std::string_view html);

  // The HTML, each heading with its id from `ids`, one for every heading in document order (ids
  // are given once the whole text is known); nullopt when not ok() or the count is wrong.
  std::optional<std::string> take(const std::vector<std::string_view>& ids);

 private:
  void enter_block(cmark_node* node, cmark_node_type type);
  void enter_inline(cmark_node* node, cmark_node_type type);
  void enter_table_part(cmark_node* node, cmark_node_type type);
  void leave_table_part(cmark_node* node, cmark_node_type type);
  void enter_link(cmark_node* node, const char* open);
  void write_plain(cmark_node* node, cmark_node_type type);
  void line_break();  // a newline, unless the output is empty or ends with one
  void escaped(std::string_view text);
  void escaped_href(std::string_view url);

  std::string out_;
  bool ok_ = true;
  cmark_node* plain_ = nullptr;         // inside this image only the alt text's characters count
  cmark_node* replaced_ = nullptr;      // the paragraph replace() stood in for
  std::vector<size_t> heading_ids_at_;  // where each heading's id goes: after its "<hN"
  bool table_body_open_ = false;
  bool in_table_header_ = false;
};

}  // namespace wegwijzer::markdown
