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

// The names in the folder `fd` (left open), each with whether it is a folder.
std::vector<std::pair<std::string, bool>> entries_of(int fd) {
  std::vector<std::pair<std::string, bool>> out;
  int copy = ::dup(fd);  // closedir closes what it reads
  DIR* dir = copy < 0 ? nullptr : ::fdopendir(copy);
  if (dir == nullptr) {
    if (copy >= 0) ::close(copy);
    return out;
  }
  while (dirent* e = ::readdir(dir)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    bool folder = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN) {  // a file system without types in its listing
      struct stat st;
      folder = ::fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
    }
    out.emplace_back(std::move(name), folder);
  }
  ::closedir(dir);
  return out;
}

bool remove_entry(int parent, const std::pair<std::string, bool>& entry);

// Empties the folder `name` of the folder `parent` and removes it.
bool remove_below(int parent, const std::string& name) {
  int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = true;
  for (const auto& entry : entries_of(fd)) ok = remove_entry(fd, entry) && ok;
  ::close(fd);
  return ok && ::unlinkat(parent, name.c_str(), AT_REMOVEDIR) == 0;
}

// A file or link is unlinked, a folder emptied first.
bool remove_entry(int parent, const std::pair<std::string, bool>& entry) {
  const auto& [name, folder] = entry;
  return folder ? remove_below(parent, name) : ::unlinkat(parent, name.c_str(), 0) == 0;
}

}  // namespace

bool remove_tree(const std::string& path, int jobs) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return ::unlink(path.c_str()) == 0 || errno == ENOENT;  // a file or a link
  const std::vector<std::pair<std::string, bool>> entries = entries_of(fd);
  std::atomic<bool> ok{true};
  parallel_for(
      entries.size(), jobs,
      [&](size_t i, int) {
        if (!remove_entry(fd, entries[i])) ok = false;
      },
      /*chunk=*/1);
  ::close(fd);
  return ok && ::rmdir(path.c_str()) == 0;
}

}  // namespace wegwijzer
