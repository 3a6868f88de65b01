#include "util/file_trace.h"

#include <xxhash.h>

namespace wegwijzer {
namespace {

uint64_t hash_listing(const FileSystem::Listing& listing) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const auto* list : {&listing.files, &listing.errors}) {
    for (const std::string& s : *list) XXH3_64bits_update(state, s.c_str(), s.size() + 1);
    XXH3_64bits_update(state, "\n", 1);  // separates files from errors
  }
  uint64_t hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return hash;
}

// A failed read is an answer too: the step reported it.
uint64_t hash_failed_read(const std::string& error) {
  std::string tagged = "\x01read failed: " + error;
  return XXH3_64bits(tagged.data(), tagged.size());
}

}  // namespace

bool FileTrace::still_valid(const FileSystem& fs) const {
  for (const Entry& e : entries_) {
    uint64_t answer = 0;
    switch (e.kind) {
      case Kind::kList:
        answer = hash_listing(fs.list_files(e.path));
        break;
      case Kind::kRead: {
        std::string error;
        if (!file_hash(fs, e.path, &answer, &error)) answer = hash_failed_read(error);
        break;
      }
      case Kind::kIsFile:
        answer = fs.is_file(e.path) ? 1 : 0;
        break;
    }
    if (answer != e.answer) return false;
  }
  return true;
}

void TracingFileSystem::record(FileTrace::Kind kind, const std::string& path,
                               uint64_t answer) const {
  std::lock_guard lock(mutex_);
  trace_->entries_.push_back({kind, path, answer});
}

FileSystem::Listing TracingFileSystem::list_files(const std::string& dir) const {
  Listing listing = base_.list_files(dir);
  record(FileTrace::Kind::kList, dir, hash_listing(listing));
  return listing;
}

bool TracingFileSystem::read_file(const std::string& path, std::string* contents,
                                  std::string* error) const {
  bool ok = base_.read_file(path, contents, error);
  record(FileTrace::Kind::kRead, path,
         ok ? XXH3_64bits(contents->data(), contents->size()) : hash_failed_read(*error));
  return ok;
}

bool TracingFileSystem::is_file(const std::string& path) const {
  bool yes = base_.is_file(path);
  record(FileTrace::Kind::kIsFile, path, yes ? 1 : 0);
  return yes;
}

}  // namespace wegwijzer
