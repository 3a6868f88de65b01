#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace wegwijzer {

// A map from strings to ints that is filled once and then only read, for the hottest lookup of a
// build: every link in every body is looked up by URL. One open-addressed array of slots, each
// with the key's hash, where its bytes are and its value: a lookup reads one slot and the key's
// bytes, where a node-based table (std::unordered_map) reads a bucket, a node and the bytes,
// each a cache miss on a large site. The keys' bytes are not copied: they must outlive the index.
class StringIndex {
 public:
  StringIndex() = default;
  // `capacity` keys at least; more may be added, but each growth moves every slot.
  explicit StringIndex(size_t capacity);

  // Adds `key` with `value`; false (and nothing changed) when the key is there already.
  bool insert(std::string_view key, int value);
  // The value of `key`, or -1.
  int find(std::string_view key) const;
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    const char* data = nullptr;  // null: empty
    uint32_t length = 0;
    int32_t value = 0;
  };
  static uint64_t hash_of(std::string_view key);
  void grow();
  size_t slot_of(uint64_t hash, std::string_view key) const;  // its slot, or the empty one

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace wegwijzer
