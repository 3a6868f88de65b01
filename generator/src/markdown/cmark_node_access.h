#pragma once

// Reading cmark-gfm's nodes directly, for the walk over every node of every page.
//
// The public API answers each question with a call into the library, cmark_iter_next takes two
// per node, and cmark_node_get_literal copies a text node's characters into a fresh NUL-terminated
// buffer before it can be read. Over a 10,000-page site that was a tenth of the build. Debian's
// libcmark-gfm-dev installs the library's own node.h, and the library's soname is its exact
// version (libcmark-gfm.so.0.29.0.gfm.6), so the program always runs with the library whose
// layout it was compiled against. Only reading goes through here; the tree is changed through the
// API.

#include <cmark-gfm/node.h>

#include <string_view>

// The table and strikethrough extensions export their node types; Debian's headers do not
// declare them.
extern "C" {
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
}

namespace wegwijzer::markdown {

inline cmark_node_type type_of(const cmark_node* node) {
  return static_cast<cmark_node_type>(node->type);
}

inline std::string_view chunk_text(const cmark_chunk& chunk) {
  return {reinterpret_cast<const char*>(chunk.data), static_cast<size_t>(chunk.len)};
}

// The characters of a text, code span, raw HTML, footnote or code block node; empty for others.
inline std::string_view literal_of(const cmark_node* node) {
  switch (type_of(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return chunk_text(node->as.literal);
    case CMARK_NODE_CODE_BLOCK:
      return chunk_text(node->as.code.literal);
    default:
      return {};
  }
}

// The destination of a link or image.
inline std::string_view url_of(const cmark_node* node) {
  return chunk_text(node->as.link.url);
}

// The node after `node` in document order within `root` (children first), or nullptr.
inline cmark_node* next_in_document_order(cmark_node* node, const cmark_node* root) {
  if (node->first_child != nullptr) return node->first_child;
  for (; node != root; node = node->parent) {
    if (node->next != nullptr) return node->next;
  }
  return nullptr;
}

// Calls enter(node) for `root` and every node below it in document order, and leave(node) once a
// node and everything below it are done: what cmark_iter reports as ENTER and EXIT, except that
// leaves get a leave() too. When enter() returns false the node's children are skipped.
template <typename Enter, typename Leave>
void walk_tree(cmark_node* root, Enter&& enter, Leave&& leave) {
  cmark_node* node = root;
  for (;;) {
    if (enter(node) && node->first_child != nullptr) {
      node = node->first_child;
      continue;
    }
    for (;;) {
      leave(node);
      if (node == root) return;
      if (node->next != nullptr) {
        node = node->next;
        break;
      }
      node = node->parent;
    }
  }
}

}  // namespace wegwijzer::markdown
