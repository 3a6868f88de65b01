#pragma once

#include <cmark-gfm.h>

namespace wegwijzer::markdown {

// A bump allocator for the nodes and buffers of one cmark-gfm document at a time, one per thread.
// A parse makes thousands of small allocations that all die together when the document is done;
// handing them out from reused blocks and dropping them at once saves malloc and free for each,
// the walk that frees the tree, and the page faults of fresh memory.
//
// Everything allocated through mem() is void once the lease ends: the caller copies out what it
// keeps and must not free the document or parser itself (cmark_node_free on them is harmless but
// wasted work).
class ArenaLease {
 public:
  // Takes this thread's arena, or, when it is taken already (a render inside a render), leaves
  // mem() at cmark-gfm's default allocator.
  ArenaLease();
  ~ArenaLease();
  ArenaLease(const ArenaLease&) = delete;
  ArenaLease& operator=(const ArenaLease&) = delete;

  cmark_mem* mem() const { return mem_; }
  bool is_arena() const { return owns_; }

 private:
  cmark_mem* mem_;
  bool owns_;
};

}  // namespace wegwijzer::markdown
