#include "util/string_index.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

namespace wegwijzer {

namespace {

// At most half full: a miss ends at an empty slot soon.
size_t slots_for(size_t keys) {
  size_t n = 16;
  while (n < 2 * keys) n *= 2;
  return n;
}

}  // namespace

StringIndex::StringIndex(size_t capacity) : slots_(slots_for(capacity)) {}

uint64_t StringIndex::hash_of(std::string_view key) {
  return XXH3_64bits(key.data(), key.size());
}

size_t StringIndex::slot_of(uint64_t hash, std::string_view key) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.data == nullptr) return i;
    if (slot.hash == hash && slot.length == key.size() &&
        std::memcmp(slot.data, key.data(), key.size()) == 0) {
      return i;
    }
  }
}

bool StringIndex::insert(std::string_view key, int value) {
  if (2 * (size_ + 1) > slots_.size()) grow();
  uint64_t hash = hash_of(key);
  Slot& slot = slots_[slot_of(hash, key)];
  if (slot.data != nullptr) return false;
  // A null address marks an empty slot, so an empty key points here instead.
  static const char kEmpty = 0;
  slot = {hash, key.empty() ? &kEmpty : key.data(), static_cast<uint32_t>(key.size()), value};
  ++size_;
  return true;
}

int StringIndex::find(std::string_view key) const {
  if (slots_.empty()) return -1;
  const Slot& slot = slots_[slot_of(hash_of(key), key)];
  return slot.data == nullptr ? -1 : slot.value;
}

void StringIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(slots_for(std::max(size_ + 1, old.size())), Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.data == nullptr) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].data != nullptr) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace wegwijzer
