#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

namespace wegwijzer {

// Where a build puts its files. write() may be called from several threads at once.
class Output {
 public:
  virtual ~Output() = default;
  // `path` is relative to the output root, '/'-separated. Returns false with `error` set on
  // failure.
  virtual bool write(const std::string& path, std::string_view data, std::string* error) = 0;
};

class MemoryOutput : public Output {
 public:
  bool write(const std::string& path, std::string_view data, std::string* error) override;
  // Only call once writing is over.
  const std::map<std::string, std::string>& files() const { return files_; }
  std::map<std::string, std::string> take() { return std::move(files_); }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> files_;
};

// Writes into a fresh folder beside the target and swaps it in on commit(), so readers (a web
// server, a deploy step) see either the old site or the new one, never half of each. Without a
// commit the folder is removed and the previous output stays as it was.
class StagedDirectoryOutput : public Output {
 public:
  // `jobs`: the threads that remove the previous site once the new one is in place.
  explicit StagedDirectoryOutput(std::string target, int jobs = 1);
  ~StagedDirectoryOutput() override;

  // Creates the staging folder. Refuses a non-empty target that no build of ours wrote (it holds
  // no marker file), so that a wrong --output cannot wipe someone's folder.
  bool begin(std::string* error);
  bool write(const std::string& path, std::string_view data, std::string* error) override;
  bool commit(std::string* error);
  void abort();

  const std::string& staging() const { return staging_; }
  static constexpr const char* kMarker = ".wegwijzer-output";

 private:
  bool make_parents(const std::string& path, std::string* error);
  void close_staging();

  std::string target_;
  int jobs_ = 1;
  std::string staging_;
  int staging_fd_ = -1;  // every write is relative to it: one path lookup less per file
  bool active_ = false;
  std::mutex made_mutex_;
  std::unordered_set<std::string> made_dirs_;  // folders of the staging tree that exist
};

}  // namespace wegwijzer
