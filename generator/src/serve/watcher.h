#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace wegwijzer {

// Reports what changes below a site folder, with inotify: the given folders and everything below
// them (folders created later included, and the folders themselves appearing later), and the
// given files at the top. Paths are site-relative and '/'-separated, like FileSystem's.
class Watcher {
 public:
  struct Change {
    std::string path;
    bool contents_only = false;  // a file written in place: it was there before and still is
    bool is_folder = false;      // a folder appeared, went or moved, with all below it
  };
  struct Changes {
    std::vector<Change> changes;
    bool overflow = false;     // the kernel dropped events: assume anything changed
    bool interrupted = false;  // interrupt() was called
  };

  Watcher();
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // `root` is the site folder; `trees` folders below it ("content", "templates"); `files` files
  // directly in it ("wegwijzer.yaml"). False with `error` set when inotify is not available.
  bool start(const std::string& root, const std::vector<std::string>& trees,
             const std::vector<std::string>& files, std::string* error);
  // Watches one more folder (a data folder the config moved), if it is not watched yet.
  void add_tree(const std::string& tree);

  // Waits until something changes, interrupt() is called or `timeout` passes; after a change,
  // goes on collecting until `quiet` passes without another (editors save in bursts: a temporary
  // file, a rename, a chmod), but not longer than `longest`. Once a file of the site was closed
  // after writing or renamed into place (the end of a save, as opposed to an editor's backup or
  // scratch file), `settle` is enough: what is left of the burst follows within microseconds.
  Changes wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet,
               std::chrono::milliseconds longest = std::chrono::milliseconds(1000),
               std::optional<std::chrono::milliseconds> settle = std::nullopt);

  // Makes a wait() return, now or when it is next called. Safe from any thread and from a signal
  // handler (it only writes to an eventfd).
  void interrupt();

 private:
  void watch_tree(const std::string& rel);
  void watch_folder(const std::string& rel);
  // Reads the events available; false when there were none.
  bool read_events(Changes* out);
  void note(Changes* out, Change change);

  std::string root_;
  bool saved_ = false;  // this wait() saw a save end
  int inotify_fd_ = -1;
  int wake_fd_ = -1;
  int root_wd_ = -1;
  std::set<std::string> trees_;
  std::set<std::string> files_;
  std::map<int, std::string> folders_;  // watch descriptor -> site-relative folder
};

}  // namespace wegwijzer
