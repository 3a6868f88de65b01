#include "util/file_system.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include <sys/stat.h>

namespace fs = std::filesystem;

namespace wegwijzer {

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (b.empty()) return a;
  if (a.back() == '/') return a + b;
  return a + '/' + b;
}

namespace {

// Walks a directory by hand so that symlinked folders are followed once and a loop is reported
// instead of recursing for ever.
void walk(const fs::path& root, const fs::path& dir, const std::string& rel,
          std::set<std::pair<dev_t, ino_t>>& seen, FileSystem::Listing& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out.errors.push_back(rel + ": cannot read folder: " + ec.message());
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    std::string child = join_path(rel, name);
    std::error_code sec;
    fs::file_status status = entry.status(sec);
    if (sec) {
      out.errors.push_back(child + ": cannot follow link: " + sec.message());
      continue;
    }
    if (fs::is_directory(status)) {
      struct stat st;
      if (::stat(entry.path().c_str(), &st) != 0) continue;
      if (!seen.insert({st.st_dev, st.st_ino}).second) {
        out.errors.push_back(child + ": symbolic link loop (folder already visited)");
        continue;
      }
      walk(root, entry.path(), child, seen, out);
    } else if (fs::is_regular_file(status)) {
      out.files.push_back(child);
    }
  }
}

}  // namespace

FileSystem::Listing DiskFileSystem::list_files(const std::string& dir) const {
  Listing out;
  fs::path start = fs::path(root_) / dir;
  std::error_code ec;
  if (!fs::is_directory(start, ec)) return out;
  std::set<std::pair<dev_t, ino_t>> seen;
  struct stat st;
  if (::stat(start.c_str(), &st) == 0) seen.insert({st.st_dev, st.st_ino});
  walk(root_, start, dir, seen, out);
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.errors.begin(), out.errors.end());
  return out;
}

bool DiskFileSystem::read_file(const std::string& path, std::string* contents,
                               std::string* error) const {
  std::ifstream in(fs::path(root_) / path, std::ios::binary);
  if (!in) {
    *error = "cannot open file";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    *error = "cannot read file";
    return false;
  }
  *contents = std::move(ss).str();
  return true;
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

bool MemoryFileSystem::is_file(const std::string& path) const { return files_.count(path) > 0; }

}  // namespace wegwijzer
