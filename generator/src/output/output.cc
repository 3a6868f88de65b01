#include "output/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "util/remove_tree.h"

namespace fs = std::filesystem;

namespace wegwijzer {
namespace {

// The last line of defence against a page, alias or resource that would land outside the output
// folder: a relative path of plain segments, no "." or "..", no empty segment, no NUL.
bool is_safe_path(const std::string& path, std::string* error) {
  bool ok = !path.empty() && path.find('\0') == std::string::npos;
  for (size_t start = 0; ok && start <= path.size();) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string_view part(path.data() + start, slash - start);
    ok = !part.empty() && part != "." && part != "..";
    start = slash + 1;
  }
  if (!ok) *error = "\"" + path + "\": not a path inside the output folder";
  return ok;
}

// A build that was killed leaves its staging folder (".public.staging-<pid>") beside the target.
// Those of processes that are gone are cleared; a build running at the same moment keeps its own.
void remove_stale_staging(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    std::string pid = name.substr(prefix.size());
    if (pid.ends_with(".old")) pid.resize(pid.size() - 4);
    if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    pid_t id = static_cast<pid_t>(std::stol(pid));
    if (id != ::getpid() && ::kill(id, 0) != 0 && errno == ESRCH) stale.push_back(it->path());
  }
  for (const fs::path& path : stale) fs::remove_all(path, ec);
}

}  // namespace

bool MemoryOutput::write(const std::string& path, std::string_view data, std::string* error) {
  if (!is_safe_path(path, error)) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  files_[path] = std::string(data);
  return true;
}

StagedDirectoryOutput::StagedDirectoryOutput(std::string target, int jobs)
    : target_(std::move(target)), jobs_(jobs) {
  while (target_.size() > 1 && target_.back() == '/') target_.pop_back();
}

StagedDirectoryOutput::~StagedDirectoryOutput() {
  if (active_) abort();
  close_staging();
}

void StagedDirectoryOutput::close_staging() {
  if (staging_fd_ >= 0) ::close(staging_fd_);
  staging_fd_ = -1;
}

bool StagedDirectoryOutput::begin(std::string* error) {
  std::error_code ec;
  fs::path target(target_);
  if (fs::exists(target, ec)) {
    if (!fs::is_directory(target, ec)) {
      *error = target_ + ": exists and is not a folder";
      return false;
    }
    if (!fs::is_empty(target, ec) && !fs::exists(target / kMarker, ec)) {
      *error = target_ +
               ": folder is not empty and was not written by wegwijzer; refusing to replace it";
      return false;
    }
  }
  fs::path parent = fs::absolute(target, ec).parent_path();
  fs::create_directories(parent, ec);
  std::string prefix = "." + target.filename().string() + ".staging-";
  remove_stale_staging(parent, prefix);
  staging_ = (parent / (prefix + std::to_string(::getpid()))).string();
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec)) {
    *error = staging_ + ": cannot create folder: " + ec.message();
    return false;
  }
  staging_fd_ = ::open(staging_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (staging_fd_ < 0) {
    *error = staging_ + ": cannot open folder: " + std::strerror(errno);
    fs::remove_all(staging_, ec);
    return false;
  }
  active_ = true;
  std::string marker_error;
  return write(kMarker, "This folder is written by wegwijzer build and replaced on every build.\n",
               error);
}

// Pages come in no particular order from several threads; each folder is made once, by whichever
// thread first needs it (a second mkdir of the same folder finds it there, which is fine).
bool StagedDirectoryOutput::make_parents(const std::string& path, std::string* error) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return true;
  std::string dir = path.substr(0, slash);
  {
    std::lock_guard<std::mutex> lock(made_mutex_);
    if (made_dirs_.count(dir)) return true;
  }
  for (size_t end = path.find('/'); end != std::string::npos; end = path.find('/', end + 1)) {
    std::string prefix = path.substr(0, end);
    {
      std::lock_guard<std::mutex> lock(made_mutex_);
      if (made_dirs_.count(prefix)) continue;
    }
    if (::mkdirat(staging_fd_, prefix.c_str(), 0777) != 0 && errno != EEXIST) {
      *error = prefix + ": cannot create folder: " + std::strerror(errno);
      return false;
    }
    std::lock_guard<std::mutex> lock(made_mutex_);
    made_dirs_.insert(std::move(prefix));
  }
  return true;
}

bool StagedDirectoryOutput::write(const std::string& path, std::string_view data,
                                  std::string* error) {
  if (!is_safe_path(path, error)) return false;
  if (!make_parents(path, error)) return false;
  int fd = ::openat(staging_fd_, path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error = path + ": cannot write file: " + std::strerror(errno);
    return false;
  }
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = path + ": cannot write file: " + std::strerror(n < 0 ? errno : ENOSPC);
      ::close(fd);
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    *error = path + ": cannot write file: " + std::strerror(errno);
    return false;
  }
  return true;
}

bool StagedDirectoryOutput::commit(std::string* error) {
  close_staging();
  std::error_code ec;
  if (!fs::exists(target_, ec)) {
    if (std::rename(staging_.c_str(), target_.c_str()) != 0) {
      *error = target_ + ": cannot move the new site in place";
      return false;
    }
  } else {
    // Swap both folders in one step where the kernel allows it, else in two quick renames.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
      std::string old = staging_ + ".old";
      if (std::rename(target_.c_str(), old.c_str()) != 0 ||
          std::rename(staging_.c_str(), target_.c_str()) != 0) {
        *error = target_ + ": cannot move the new site in place";
        return false;
      }
      remove_tree(old, jobs_);
    }
    remove_tree(staging_, jobs_);  // now holds the previous site
  }
  active_ = false;
  return true;
}

void StagedDirectoryOutput::abort() {
  close_staging();
  remove_tree(staging_, jobs_);
  active_ = false;
}

}  // namespace wegwijzer
