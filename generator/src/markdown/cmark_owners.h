#pragma once

// Owning pointers for what cmark-gfm hands out: a parser and a node tree, freed by the library's
// own functions when their owner goes.

#include <cmark-gfm.h>

#include <memory>

namespace wegwijzer::markdown {

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

}  // namespace wegwijzer::markdown
