#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "site/content_loader.h"

namespace fs = std::filesystem;

namespace wegwijzer {
namespace {

constexpr uint32_t kFolderMask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB |
                                 IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF |
                                 IN_ONLYDIR;
constexpr uint32_t kWritten = IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB;

bool is_at_or_below(const std::string& path, const std::string& dir) {
  return path.compare(0, dir.size(), dir) == 0 &&
         (path.size() == dir.size() || path[dir.size()] == '/');
}

// The end of a save: a file closed after writing or renamed into place, unless it is an editor's
// backup or scratch file, or has no extension (vim's probe "4913").
bool ends_a_save(uint32_t mask, const std::string& path) {
  if (!(mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) || (mask & IN_ISDIR)) return false;
  std::string name = path.substr(path.rfind('/') + 1);
  return name.find('.') != std::string::npos && !is_ignored_file(path);
}

std::string first_component(const std::string& path) {
  return path.substr(0, path.find('/'));
}

}  // namespace

Watcher::Watcher() = default;

Watcher::~Watcher() {
  if (inotify_fd_ >= 0) ::close(inotify_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

bool Watcher::start(const std::string& root, const std::vector<std::string>& trees,
                    const std::vector<std::string>& files, std::string* error) {
  root_ = root;
  inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (inotify_fd_ < 0 || wake_fd_ < 0) {
    *error = std::string("cannot watch for changes: ") + std::strerror(errno);
    return false;
  }
  // The top folder: for the files there, and for watched folders that appear later.
  root_wd_ = ::inotify_add_watch(inotify_fd_, root.c_str(), kFolderMask);
  if (root_wd_ < 0) {
    *error = "cannot watch " + root + ": " + std::strerror(errno);
    return false;
  }
  files_.insert(files.begin(), files.end());
  for (const std::string& tree : trees) add_tree(tree);
  return true;
}

void Watcher::add_tree(const std::string& tree) {
  if (tree.empty() || !trees_.insert(tree).second) return;
  watch_tree(tree);
}

void Watcher::watch_tree(const std::string& rel) {
  std::error_code ec;
  fs::path start = fs::path(root_) / rel;
  if (!fs::is_directory(start, ec)) return;
  // Symbolic links to folders are followed, as the build follows them; each folder once.
  std::set<std::pair<dev_t, ino_t>> seen;
  std::vector<std::string> pending = {rel};
  while (!pending.empty()) {
    std::string dir = std::move(pending.back());
    pending.pop_back();
    struct stat st;
    if (::stat((fs::path(root_) / dir).c_str(), &st) != 0 ||
        !seen.insert({st.st_dev, st.st_ino}).second) {
      continue;
    }
    watch_folder(dir);
    for (fs::directory_iterator it(fs::path(root_) / dir, ec), end; !ec && it != end;
         it.increment(ec)) {
      std::error_code sec;
      if (it->is_directory(sec)) pending.push_back(dir + "/" + it->path().filename().string());
    }
  }
}

void Watcher::watch_folder(const std::string& rel) {
  int wd = ::inotify_add_watch(inotify_fd_, (fs::path(root_) / rel).c_str(), kFolderMask);
  if (wd >= 0) folders_[wd] = rel;
}

void Watcher::note(Changes* out, Change change) {
  for (Change& c : out->changes) {
    if (c.path == change.path) {
      c.contents_only = c.contents_only && change.contents_only;
      c.is_folder = c.is_folder || change.is_folder;
      return;
    }
  }
  out->changes.push_back(std::move(change));
}

bool Watcher::read_events(Changes* out) {
  alignas(inotify_event) char buf[64 * 1024];
  bool any = false;
  for (;;) {
    ssize_t n = ::read(inotify_fd_, buf, sizeof buf);
    if (n <= 0) break;
    any = true;
    for (char* p = buf; p < buf + n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        out->overflow = true;
        continue;
      }
      std::string name = ev->len ? std::string(ev->name) : std::string();
      bool is_dir = ev->mask & IN_ISDIR;
      if (ev->wd == root_wd_) {
        if (is_dir) {
          // A watched folder (or the first folder of a deeper one) appeared or went.
          for (const std::string& tree : trees_) {
            if (first_component(tree) != name) continue;
            if (ev->mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(tree);
            note(out, {tree, false, true});
          }
        } else if (files_.count(name)) {
          bool written = (ev->mask & kWritten) && !(ev->mask & ~(kWritten | IN_ISDIR));
          saved_ = saved_ || ends_a_save(ev->mask, name);
          note(out, {name, written, false});
        }
        continue;
      }
      auto it = folders_.find(ev->wd);
      if (it == folders_.end()) continue;
      if (ev->mask & IN_IGNORED) {
        folders_.erase(it);
        continue;
      }
      const std::string dir = it->second;
      if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        note(out, {dir, false, true});
        continue;
      }
      if (name.empty()) continue;
      std::string path = dir + "/" + name;
      if (is_dir) {
        if (ev->mask & IN_MOVED_FROM) {
          // Its watches would go on reporting under the old name.
          for (auto f = folders_.begin(); f != folders_.end();) {
            if (is_at_or_below(f->second, path)) {
              ::inotify_rm_watch(inotify_fd_, f->first);
              f = folders_.erase(f);
            } else {
              ++f;
            }
          }
        }
        // Files written into a new folder before its watch existed are found when the build
        // lists the folder again.
        if (ev->mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(path);
        note(out, {path, false, true});
      } else {
        bool written = (ev->mask & kWritten) && !(ev->mask & ~kWritten);
        saved_ = saved_ || ends_a_save(ev->mask, path);
        note(out, {path, written, false});
      }
    }
  }
  return any;
}

Watcher::Changes Watcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet,
                               std::chrono::milliseconds longest,
                               std::optional<std::chrono::milliseconds> settle) {
  Changes out;
  saved_ = false;
  pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
  auto woken = [&] {
    if (!(fds[1].revents & POLLIN)) return false;
    uint64_t count;
    while (::read(wake_fd_, &count, sizeof count) > 0) {
    }
    out.interrupted = true;
    return true;
  };
  int ready = ::poll(fds, 2, static_cast<int>(timeout.count()));
  if (ready <= 0 || woken()) return out;
  read_events(&out);
  const auto first = std::chrono::steady_clock::now();
  for (;;) {
    auto left = longest - std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - first);
    auto wait_for = std::min(saved_ && settle ? *settle : quiet, left);
    if (wait_for.count() <= 0) break;
    ready = ::poll(fds, 2, static_cast<int>(wait_for.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    if (woken()) return out;
    read_events(&out);
  }
  return out;
}

void Watcher::interrupt() {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

}  // namespace wegwijzer
