#include "search/page_stems.h"

namespace wegwijzer::search {

const PageStems* PageStemsCache::find(uint64_t key) {
  auto now = current_.find(key);
  if (now != current_.end()) {
    ++hits_;
    return &now->second;
  }
  auto before = previous_.find(key);
  if (before == previous_.end()) return nullptr;
  ++hits_;
  auto moved = current_.emplace(key, std::move(before->second)).first;
  previous_.erase(before);
  return &moved->second;
}

const PageStems& PageStemsCache::put(uint64_t key, PageStems stems) {
  return current_.insert_or_assign(key, std::move(stems)).first->second;
}

void PageStemsCache::end_build() {
  previous_ = std::move(current_);
  current_.clear();
}

}  // namespace wegwijzer::search
