#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "util/file_system.h"

namespace wegwijzer {

// What a build step asked a FileSystem and a hash of each answer: every listing, read and
// existence check. A step that depends on nothing else gives the same result as long as the
// same questions get the same answers, whatever files it read (schemas named inside data files,
// partials, built-in fallbacks), so the step's result can be reused without knowing its inputs
// in advance.
class FileTrace {
 public:
  // Asks the same questions again, in order; false at the first different answer.
  bool still_valid(const FileSystem& fs) const;
  size_t size() const { return entries_.size(); }

 private:
  friend class TracingFileSystem;
  enum class Kind { kList, kRead, kIsFile };
  struct Entry {
    Kind kind;
    std::string path;
    uint64_t answer;
  };
  std::vector<Entry> entries_;
};

// Passes every call on to `base` and records it in `trace`. Thread-safe.
class TracingFileSystem : public FileSystem {
 public:
  TracingFileSystem(const FileSystem& base, FileTrace* trace) : base_(base), trace_(trace) {}
  Listing list_files(const std::string& dir) const override;
  bool read_file(const std::string& path, std::string* contents, std::string* error) const override;
  bool is_file(const std::string& path) const override;

 private:
  void record(FileTrace::Kind kind, const std::string& path, uint64_t answer) const;

  const FileSystem& base_;
  FileTrace* trace_;
  mutable std::mutex mutex_;
};

}  // namespace wegwijzer
