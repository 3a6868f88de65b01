#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wegwijzer {

// Read access to a site directory. Paths are relative to the site root and '/'-separated, so the
// pipeline can run on a real directory or, in tests, on files held in memory.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  struct Listing {
    std::vector<std::string> files;   // regular files below the folder, sorted
    std::vector<std::string> errors;  // "path: message" for what could not be walked
  };
  // Every regular file below `dir` (recursively); an absent folder gives an empty listing.
  virtual Listing list_files(const std::string& dir) const = 0;
  // False with `error` set when the file cannot be read.
  virtual bool read_file(const std::string& path, std::string* contents,
                         std::string* error) const = 0;
  virtual bool is_file(const std::string& path) const = 0;

  // For a build that reuses an earlier one's work (site/build_memo.h): a file system that
  // remembers what it read may say what a file's xxh3 is without reading it (nullopt: unknown),
  // and hand out the same listing, by pointer, as long as nothing below `dir` changed.
  virtual std::optional<uint64_t> known_hash(const std::string& path) const;
  virtual std::shared_ptr<const Listing> shared_listing(const std::string& dir) const;

  // For a build that keeps an earlier one's results whole while only some files were written:
  // change_mark() names the present, and changed_since(mark) lists the files that may have
  // changed after it (each once, sorted). nullopt when the file system cannot tell: it does not
  // follow changes (the default), it has forgotten, or a folder or everything changed.
  virtual uint64_t change_mark() const { return 0; }
  virtual std::optional<std::vector<std::string>> changed_since(uint64_t mark) const;
};

// xxh3 of a file's contents: known_hash() where the file system knows it, otherwise by reading
// it. False with `error` set when it cannot be read.
bool file_hash(const FileSystem& fs, const std::string& path, uint64_t* hash, std::string* error);

class DiskFileSystem : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  ~DiskFileSystem() override;
  DiskFileSystem(const DiskFileSystem&) = delete;
  DiskFileSystem& operator=(const DiskFileSystem&) = delete;

  Listing list_files(const std::string& dir) const override;
  bool read_file(const std::string& path, std::string* contents, std::string* error) const override;
  bool is_file(const std::string& path) const override;
  const std::string& root() const { return root_; }

 private:
  bool read_checked(const std::string& path, std::string* contents, std::string* error) const;

  std::string root_;
  int root_fd_ = -1;  // for opening files beneath the root in one system call
};

class MemoryFileSystem : public FileSystem {
 public:
  MemoryFileSystem() = default;
  explicit MemoryFileSystem(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  void set(const std::string& path, std::string contents) { files_[path] = std::move(contents); }
  void remove(const std::string& path) { files_.erase(path); }
  Listing list_files(const std::string& dir) const override;
  bool read_file(const std::string& path, std::string* contents, std::string* error) const override;
  bool is_file(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
};

// Joins '/'-separated path parts, leaving out empty ones.
std::string join_path(const std::string& a, const std::string& b);
// "a/b/c.md" -> "a/b"; "" when there is no '/'.
std::string dir_of(const std::string& path);
// "a/b/c.md" -> "c.md".
std::string base_name(const std::string& path);
// Resolves '.' and '..' in a '/'-separated path; false when it climbs above the start.
bool normalize_relative(const std::string& path, std::string* out);

}  // namespace wegwijzer
