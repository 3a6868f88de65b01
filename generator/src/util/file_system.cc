#include "util/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace wegwijzer {

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (b.empty()) return a;
  if (a.back() == '/') return a + b;
  return a + '/' + b;
}

std::string dir_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string base_name(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

namespace {

// True when `path` is `root` or lies below it; both canonical.
bool is_within(const fs::path& path, const fs::path& root) {
  auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end();
}

// Walks a folder tree by hand. The real folders come first, sorted, so that what is listed does
// not depend on the order the kernel lists a folder in; symbolic links to folders are followed
// afterwards, each at most once, so a loop (or a second link to the same folder) is reported
// instead of recursing for ever or multiplying the site. A link is only followed to a place inside
// the site folder: a pull request must not be able to publish /etc/passwd or /proc/self/environ.
class Walker {
 public:
  Walker(const fs::path& root, FileSystem::Listing& out) : out_(out) {
    std::error_code ec;
    root_ = fs::canonical(root, ec);
  }

  void run(const fs::path& start, const std::string& rel) {
    struct stat st;
    if (::stat(start.c_str(), &st) == 0) seen_.insert({st.st_dev, st.st_ino});
    walk(start, rel);
    for (size_t i = 0; i < linked_.size(); ++i) {
      auto [path, child] = linked_[i];
      if (::stat(path.c_str(), &st) != 0) continue;
      if (!seen_.insert({st.st_dev, st.st_ino}).second) {
        std::error_code ec;
        fs::path target = fs::canonical(path, ec);
        fs::path parent = fs::canonical(path.parent_path(), ec);
        out_.errors.push_back(child +
                              (is_within(parent, target)
                                   ? ": symbolic link loop (links to a folder above it)"
                                   : ": symbolic link to a folder that is already in the site"));
        continue;
      }
      walk(path, child);
    }
  }

 private:
  // `fd`, when not -1, is the folder already opened; it is closed here.
  void walk(const fs::path& dir, const std::string& rel, int fd = -1) {
    if (fd < 0) fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR* d = fd < 0 ? nullptr : ::fdopendir(fd);
    if (d == nullptr) {
      out_.errors.push_back(rel + ": cannot read folder: " + std::strerror(errno));
      if (fd >= 0) ::close(fd);
      return;
    }
    // readdir's file types spare a stat() per file; links and the odd file system that gives no
    // type take the careful way below.
    std::vector<std::pair<std::string, unsigned char>> entries;
    errno = 0;
    while (dirent* e = ::readdir(d)) {
      std::string_view name = e->d_name;
      if (name != "." && name != "..") entries.emplace_back(name, e->d_type);
      errno = 0;
    }
    if (errno != 0) out_.errors.push_back(rel + ": cannot read folder: " + std::strerror(errno));
    std::sort(entries.begin(), entries.end());
    for (const auto& [name, type] : entries) {
      std::string child = join_path(rel, name);
      if (type == DT_REG) {
        out_.files.push_back(child);
      } else if (type == DT_DIR) {
        // O_NOFOLLOW: should the folder become a link meanwhile, it is not followed.
        int sub =
            ::openat(::dirfd(d), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0) {
          out_.errors.push_back(child + ": cannot read folder: " + std::strerror(errno));
          continue;
        }
        struct stat st;
        if (::fstat(sub, &st) != 0 || !seen_.insert({st.st_dev, st.st_ino}).second) {
          ::close(sub);
          continue;
        }
        walk(dir / name, child, sub);
      } else {
        visit_other(fs::directory_entry(dir / name), child);
      }
    }
    ::closedir(d);
  }

  // A symbolic link, or an entry whose type readdir did not say.
  void visit_other(const fs::directory_entry& entry, const std::string& child) {
    std::error_code sec;
    bool is_link = entry.is_symlink(sec);
    fs::file_status status = entry.status(sec);
    if (sec) {
      out_.errors.push_back(child + ": cannot follow link: " + sec.message());
      return;
    }
    if (is_link) {
      fs::path target = fs::canonical(entry.path(), sec);
      if (sec || root_.empty() || !is_within(target, root_)) {
        out_.errors.push_back(child + ": symbolic link to outside the site folder");
        return;
      }
    }
    if (fs::is_directory(status)) {
      if (is_link) {
        linked_.emplace_back(entry.path(), child);
        return;
      }
      struct stat st;
      if (::stat(entry.path().c_str(), &st) != 0 || !seen_.insert({st.st_dev, st.st_ino}).second) {
        return;
      }
      walk(entry.path(), child);
    } else if (fs::is_regular_file(status)) {
      out_.files.push_back(child);
    }
  }

  FileSystem::Listing& out_;
  fs::path root_;
  std::set<std::pair<dev_t, ino_t>> seen_;
  std::vector<std::pair<fs::path, std::string>> linked_;  // symlinked folders, walked last
};

}  // namespace

FileSystem::Listing DiskFileSystem::list_files(const std::string& dir) const {
  Listing out;
  fs::path start = fs::path(root_) / dir;
  std::error_code ec;
  if (!fs::is_directory(start, ec)) return out;
  if (!is_within(fs::canonical(start, ec), fs::canonical(root_, ec))) {
    out.errors.push_back(dir + ": outside the site folder");
    return out;
  }
  Walker(root_, out).run(start, dir);
  // The walk lists each folder's names in order, so the whole list mostly is: one look is cheaper
  // than sorting 10,000 paths that share their first letters.
  if (!std::is_sorted(out.files.begin(), out.files.end())) {
    std::sort(out.files.begin(), out.files.end());
  }
  std::sort(out.errors.begin(), out.errors.end());
  return out;
}

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {
  root_fd_ = ::open(root_.empty() ? "." : root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

DiskFileSystem::~DiskFileSystem() {
  if (root_fd_ >= 0) ::close(root_fd_);
}

namespace {

// Opens `path` below `root_fd` in one system call. RESOLVE_BENEATH makes the kernel refuse any
// way out of the root (a "..", an absolute path or a symbolic link pointing elsewhere), which is
// the rule read_file enforces; -1 when the kernel refuses or has no openat2.
int open_beneath(int root_fd, const std::string& path) {
  if (root_fd < 0) return -1;
  open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  return static_cast<int>(::syscall(SYS_openat2, root_fd, path.c_str(), &how, sizeof how));
}

bool read_fd(int fd, std::string* contents) {
  struct stat st;
  bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  size_t size = regular ? static_cast<size_t>(st.st_size) : 0;
  // One byte more than the file holds: a read that stops short of it has reached the end, which
  // saves the read that would return 0.
  std::string data(size + 1, '\0');
  size_t have = 0;
  for (;;) {
    if (have == data.size()) data.resize(data.size() + 4096);  // the file grew, or is no file
    ssize_t n = ::read(fd, data.data() + have, data.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    have += static_cast<size_t>(n);
    if (regular && have == size) break;
  }
  data.resize(have);
  *contents = std::move(data);
  return true;
}

}  // namespace

bool DiskFileSystem::read_file(const std::string& path, std::string* contents,
                               std::string* error) const {
  int fd = open_beneath(root_fd_, path);
  if (fd < 0) return read_checked(path, contents, error);  // says why, or allows an absolute link
  bool ok = read_fd(fd, contents);
  ::close(fd);
  if (!ok) *error = "cannot read file";
  return ok;
}

bool DiskFileSystem::read_checked(const std::string& path, std::string* contents,
                                  std::string* error) const {
  // Through a symbolic link or "..", a path could reach any file on the machine.
  std::error_code ec;
  fs::path full = fs::canonical(fs::path(root_) / path, ec);
  if (ec) {
    *error = "cannot open file";
    return false;
  }
  if (!is_within(full, fs::canonical(root_, ec))) {
    *error = "symbolic link to outside the site folder";
    return false;
  }
  int fd = ::open(full.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot open file";
    return false;
  }
  bool ok = read_fd(fd, contents);
  ::close(fd);
  if (!ok) *error = "cannot read file";
  return ok;
}

bool DiskFileSystem::is_file(const std::string& path) const {
  std::error_code ec;
  return fs::is_regular_file(fs::path(root_) / path, ec);
}

FileSystem::Listing MemoryFileSystem::list_files(const std::string& dir) const {
  Listing out;
  std::string prefix = dir.empty() ? "" : dir + '/';
  for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.files.push_back(it->first);
  }
  return out;
}

bool MemoryFileSystem::read_file(const std::string& path, std::string* contents,
                                 std::string* error) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    *error = "no such file";
    return false;
  }
  *contents = it->second;
  return true;
}

bool MemoryFileSystem::is_file(const std::string& path) const {
  return files_.count(path) > 0;
}

std::optional<uint64_t> FileSystem::known_hash(const std::string&) const {
  return std::nullopt;
}

std::shared_ptr<const FileSystem::Listing> FileSystem::shared_listing(
    const std::string& dir) const {
  return std::make_shared<const Listing>(list_files(dir));
}

std::optional<std::vector<std::string>> FileSystem::changed_since(uint64_t) const {
  return std::nullopt;
}

bool file_hash(const FileSystem& fs, const std::string& path, uint64_t* hash, std::string* error) {
  if (std::optional<uint64_t> known = fs.known_hash(path)) {
    *hash = *known;
    return true;
  }
  std::string contents;
  if (!fs.read_file(path, &contents, error)) return false;
  *hash = XXH3_64bits(contents.data(), contents.size());
  return true;
}

bool normalize_relative(const std::string& path, std::string* out) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  out->clear();
  for (const std::string& p : parts) *out += (out->empty() ? "" : "/") + p;
  return true;
}

}  // namespace wegwijzer
