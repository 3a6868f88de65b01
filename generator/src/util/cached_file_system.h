#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "util/file_system.h"

namespace wegwijzer {

// A FileSystem for a long-running build loop: remembers each folder listing and the hash of each
// file it read, so that a rebuild need not walk the tree again or read unchanged files to learn
// that they are unchanged (site/build_memo asks known_hash()). Contents are not kept: the
// build memo holds what it needs. Whoever watches the folder reports every change through
// invalidate(); between two builds only, so that one build sees one state of the files.
class CachedFileSystem : public FileSystem {
 public:
  explicit CachedFileSystem(const FileSystem& base) : base_(base) {}

  Listing list_files(const std::string& dir) const override;
  // The same listing, shared: the same pointer as long as nothing below `dir` was added or
  // removed, so that a caller can tell "unchanged" without comparing 10,000 names.
  std::shared_ptr<const Listing> shared_listing(const std::string& dir) const override;
  // Always reads the underlying file, and remembers the hash of what it read.
  bool read_file(const std::string& path, std::string* contents, std::string* error) const override;
  bool is_file(const std::string& path) const override { return base_.is_file(path); }

  // xxh3 of the file as last read, unless it changed since; nullopt when unknown.
  std::optional<uint64_t> known_hash(const std::string& path) const override;

  // The contents of the file at `path` (site-relative) changed; it was there before and is now.
  void contents_changed(const std::string& path);
  // `path` changed, appeared or disappeared; a folder takes everything below it along.
  void invalidate(const std::string& path, bool is_folder = false);
  void invalidate_all();

  // Counts the changes reported above; a folder's change or invalidate_all() forgets those
  // before it, as does a long journal (kJournalLength changes since the mark).
  uint64_t change_mark() const override;
  std::optional<std::vector<std::string>> changed_since(uint64_t mark) const override;

  static constexpr size_t kJournalLength = 4096;

 private:
  void note_change(const std::string& path, bool forget_earlier);

  const FileSystem& base_;
  mutable std::mutex mutex_;
  uint64_t changes_ = 0;              // changes reported so far
  uint64_t forgotten_through_ = 0;    // changed_since(mark) is nullopt for a mark below this
  std::vector<std::string> journal_;  // the files of changes forgotten_through_+1 .. changes_
  mutable std::unordered_map<std::string, uint64_t> hashes_;
  mutable std::map<std::string, std::shared_ptr<const Listing>> listings_;
};

}  // namespace wegwijzer
