#include "util/file_system.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace wegwijzer {

namespace fs = std::filesystem;

TEST_CASE("disk listing: every file below a folder, sorted as whole paths") {
  // Folder by folder, "a" comes before "a-b", but as paths "a-b/x.md" comes before "a/x.md"
  // ('-' sorts before '/'): the listing is of whole paths.
  fs::path root = fs::temp_directory_path() / ("wegwijzer-listing-" + std::to_string(::getpid()));
  fs::remove_all(root);
  for (const char* file : {"content/a/x.md", "content/a-b/x.md", "content/a.md", "content/b/c/d.md",
                           "content/_index.md"}) {
    fs::create_directories((root / file).parent_path());
    std::ofstream(root / file) << "x";
  }
  DiskFileSystem disk(root.string());
  FileSystem::Listing listing = disk.list_files("content");
  fs::remove_all(root);
  CHECK(listing.errors.empty());
  CHECK(listing.files == std::vector<std::string>{"content/_index.md", "content/a-b/x.md",
                                                  "content/a.md", "content/a/x.md",
                                                  "content/b/c/d.md"});
}

}  // namespace wegwijzer
