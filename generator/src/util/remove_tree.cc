#include "util/remove_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <string>
#include <utility>
#include <vector>

#include "util/parallel.h"

namespace wegwijzer {
namespace {

// The names in the folder `fd` (which is closed here), each with whether it is a folder.
std::vector<std::pair<std::string, bool>> entries_of(int fd) {
  std::vector<std::pair<std::string, bool>> out;
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return out;
  }
  while (dirent* e = ::readdir(dir)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    bool folder = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN) {  // a file system without types in its listing
      struct stat st;
      folder = ::fstatat(::dirfd(dir), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
               S_ISDIR(st.st_mode);
    }
    out.emplace_back(std::move(name), folder);
  }
  ::closedir(dir);
  return out;
}

// Empties the folder `name` of the folder `parent` and removes it.
bool remove_below(int parent, const std::string& name) {
  int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  int again = ::dup(fd);  // entries_of closes fd; the removals below are relative to this one
  if (again < 0) {
    ::close(fd);
    return false;
  }
  bool ok = true;
  for (const auto& [entry, folder] : entries_of(fd)) {
    if (!(folder ? remove_below(again, entry) : ::unlinkat(again, entry.c_str(), 0) == 0))
      ok = false;
  }
  ::close(again);
  return ok && ::unlinkat(parent, name.c_str(), AT_REMOVEDIR) == 0;
}

}  // namespace

bool remove_tree(const std::string& path, int jobs) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return ::unlink(path.c_str()) == 0 || errno == ENOENT;  // a file or a link
  int top = ::dup(fd);
  if (top < 0) {
    ::close(fd);
    return false;
  }
  std::vector<std::pair<std::string, bool>> entries = entries_of(fd);
  std::atomic<bool> ok{true};
  parallel_for(
      entries.size(), jobs,
      [&](size_t i, int) {
        const auto& [name, folder] = entries[i];
        if (!(folder ? remove_below(top, name) : ::unlinkat(top, name.c_str(), 0) == 0)) ok = false;
      },
      /*chunk=*/1);
  ::close(top);
  return ok && ::rmdir(path.c_str()) == 0;
}

}  // namespace wegwijzer
