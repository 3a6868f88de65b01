#include "util/remove_tree.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

namespace wegwijzer {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() /
                 ("wegwijzer-remove-tree-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST_CASE("remove_tree: a site's folder goes, links in it go without what they point to") {
  for (int jobs : {1, 3}) {
    fs::path root = scratch("site-" + std::to_string(jobs));
    fs::path outside = root / "outside";
    write(outside / "keep.txt", "not ours");
    fs::path site = root / "site";
    write(site / "index.html", "home");
    for (int s = 0; s < 5; ++s) {
      for (int p = 0; p < 4; ++p) {
        write(site / ("s" + std::to_string(s)) / ("p" + std::to_string(p)) / "index.html", "x");
      }
    }
    fs::create_directories(site / "empty" / "deeper");
    fs::create_directory_symlink(outside, site / "s0" / "link-to-folder");
    fs::create_symlink(outside / "keep.txt", site / "link-to-file");

    CHECK(remove_tree(site.string(), jobs));
    CHECK_FALSE(fs::exists(fs::symlink_status(site)));
    CHECK(fs::exists(outside / "keep.txt"));
    fs::remove_all(root);
  }
}

TEST_CASE("remove_tree: a missing folder is no error, a file or link is removed") {
  fs::path root = scratch("edge");
  CHECK(remove_tree((root / "nothing").string(), 2));
  write(root / "file.txt", "x");
  CHECK(remove_tree((root / "file.txt").string(), 2));
  CHECK_FALSE(fs::exists(root / "file.txt"));
  write(root / "target" / "a.txt", "keep");
  fs::create_directory_symlink(root / "target", root / "link");
  CHECK(remove_tree((root / "link").string(), 2));
  CHECK_FALSE(fs::exists(fs::symlink_status(root / "link")));
  CHECK(fs::exists(root / "target" / "a.txt"));
  fs::remove_all(root);
}

}  // namespace
}  // namespace wegwijzer
