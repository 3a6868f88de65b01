#include "markdown/node_arena.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace wegwijzer::markdown {
namespace {

constexpr size_t kBlockSize = 256 * 1024;
// Larger requests (a long page's HTML buffer) come from malloc and are freed with the lease.
constexpr size_t kLargeSize = 32 * 1024;
// Each allocation is preceded by its size, for realloc; 16 keeps every pointer 16-byte aligned.
constexpr size_t kHeader = 16;

struct Arena {
  std::vector<char*> blocks;  // kept for the next document on this thread
  size_t block = 0;           // the block being filled
  size_t used = 0;            // bytes of it handed out
  char* last = nullptr;       // the latest small allocation, which realloc may grow in place
  std::vector<void*> large;
  bool busy = false;

  ~Arena() {
    for (char* b : blocks) std::free(b);
    for (void* p : large) std::free(p);
  }
};

thread_local Arena arena;

[[noreturn]] void out_of_memory() {
  // cmark-gfm's own allocator does the same.
  std::abort();
}

size_t& size_of(void* p) {
  return *reinterpret_cast<size_t*>(static_cast<char*>(p) - kHeader);
}

size_t rounded(size_t n) {
  return (n + kHeader - 1) & ~(kHeader - 1);
}

void* allocate(size_t n) {
  Arena& a = arena;
  size_t need = kHeader + rounded(n);
  if (n > kLargeSize) {
    char* p = static_cast<char*>(std::malloc(need));
    if (!p) out_of_memory();
    a.large.push_back(p);
    *reinterpret_cast<size_t*>(p) = n;
    return p + kHeader;
  }
  if (a.blocks.empty() || a.used + need > kBlockSize) {
    if (!a.blocks.empty()) ++a.block;
    if (a.block == a.blocks.size()) {
      char* b = static_cast<char*>(std::malloc(kBlockSize));
      if (!b) out_of_memory();
      a.blocks.push_back(b);
    }
    a.used = 0;
  }
  char* p = a.blocks[a.block] + a.used;
  a.used += need;
  *reinterpret_cast<size_t*>(p) = n;
  a.last = p + kHeader;
  return a.last;
}

void* arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) out_of_memory();
  void* p = allocate(count * size);
  std::memset(p, 0, count * size);
  return p;
}

void* arena_realloc(void* p, size_t n) {
  if (!p) return allocate(n);
  size_t old = size_of(p);
  if (n <= old) return p;
  Arena& a = arena;
  if (p == a.last && n <= kLargeSize) {
    // The latest allocation grows where it is when its block has room.
    size_t start = static_cast<size_t>(static_cast<char*>(p) - a.blocks[a.block]);
    if (start + rounded(n) <= kBlockSize) {
      a.used = start + rounded(n);
      size_of(p) = n;
      return p;
    }
  }
  void* q = allocate(n);
  std::memcpy(q, p, old);
  return q;
}

void arena_free(void*) {}  // everything goes at once, when the lease ends

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

ArenaLease::ArenaLease() : owns_(!arena.busy) {
  mem_ = owns_ ? &arena_mem : cmark_get_default_mem_allocator();
  if (owns_) arena.busy = true;
}

ArenaLease::~ArenaLease() {
  if (!owns_) return;
  Arena& a = arena;
  for (void* p : a.large) std::free(p);
  a.large.clear();
  // A document that needed many blocks leaves them for the next; beyond 16 (4 MB) they go back.
  while (a.blocks.size() > 16) {
    std::free(a.blocks.back());
    a.blocks.pop_back();
  }
  a.block = 0;
  a.used = 0;
  a.last = nullptr;
  a.busy = false;
}

}  // namespace wegwijzer::markdown
