#include "util/cached_file_system.h"

#include <xxhash.h>

#include <algorithm>

namespace wegwijzer {
namespace {

// True when `path` is `dir` or lies below it.
bool is_at_or_below(const std::string& path, const std::string& dir) {
  if (dir.empty()) return true;
  return path.compare(0, dir.size(), dir) == 0 &&
         (path.size() == dir.size() || path[dir.size()] == '/');
}

}  // namespace

FileSystem::Listing CachedFileSystem::list_files(const std::string& dir) const {
  return *shared_listing(dir);
}

std::shared_ptr<const FileSystem::Listing> CachedFileSystem::shared_listing(
    const std::string& dir) const {
  {
    std::lock_guard lock(mutex_);
    auto it = listings_.find(dir);
    if (it != listings_.end()) return it->second;
  }
  auto listing = std::make_shared<const Listing>(base_.list_files(dir));
  std::lock_guard lock(mutex_);
  return listings_.try_emplace(dir, std::move(listing)).first->second;
}

bool CachedFileSystem::read_file(const std::string& path, std::string* contents,
                                 std::string* error) const {
  if (!base_.read_file(path, contents, error)) {
    std::lock_guard lock(mutex_);
    hashes_.erase(path);
    return false;
  }
  uint64_t hash = XXH3_64bits(contents->data(), contents->size());
  std::lock_guard lock(mutex_);
  hashes_[path] = hash;
  return true;
}

std::optional<uint64_t> CachedFileSystem::known_hash(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = hashes_.find(path);
  if (it == hashes_.end()) return std::nullopt;
  return it->second;
}

void CachedFileSystem::contents_changed(const std::string& path) {
  std::lock_guard lock(mutex_);
  hashes_.erase(path);
  note_change(path, false);
}

void CachedFileSystem::invalidate(const std::string& path, bool is_folder) {
  std::lock_guard lock(mutex_);
  hashes_.erase(path);
  note_change(path, is_folder);
  if (is_folder) {
    // A folder that was renamed or removed takes every file below it along.
    for (auto it = hashes_.begin(); it != hashes_.end();) {
      it = is_at_or_below(it->first, path) ? hashes_.erase(it) : std::next(it);
    }
  }
  // Listings are recursive: any folder above the path (or the path itself, or below it) may
  // list it.
  for (auto it = listings_.begin(); it != listings_.end();) {
    bool affected = is_at_or_below(path, it->first) || is_at_or_below(it->first, path);
    it = affected ? listings_.erase(it) : std::next(it);
  }
}

void CachedFileSystem::invalidate_all() {
  std::lock_guard lock(mutex_);
  hashes_.clear();
  listings_.clear();
  note_change("", true);
}

void CachedFileSystem::note_change(const std::string& path, bool forget_earlier) {
  ++changes_;
  if (forget_earlier || journal_.size() >= kJournalLength) {
    journal_.clear();
    forgotten_through_ = changes_;
    return;
  }
  journal_.push_back(path);
}

uint64_t CachedFileSystem::change_mark() const {
  std::lock_guard lock(mutex_);
  return changes_;
}

std::optional<std::vector<std::string>> CachedFileSystem::changed_since(uint64_t mark) const {
  std::lock_guard lock(mutex_);
  if (mark < forgotten_through_ || mark > changes_) return std::nullopt;
  std::vector<std::string> paths(journal_.end() - static_cast<std::ptrdiff_t>(changes_ - mark),
                                 journal_.end());
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

}  // namespace wegwijzer
