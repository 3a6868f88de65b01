#include "serve/watcher.h"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

namespace fs = std::filesystem;

namespace wegwijzer {
namespace {

using namespace std::chrono_literals;

class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() / ("wegwijzer-watch-test-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(++counter));
    fs::remove_all(path_);
    fs::create_directories(path_ / "content");
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((path_ / rel).parent_path());
    std::ofstream(path_ / rel) << text;
  }

 private:
  fs::path path_;
};

// Collects changes until `path` shows up (each wait is bounded) and returns what came for it.
std::optional<Watcher::Change> wait_for(Watcher& w, const std::string& path) {
  auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    Watcher::Changes changes = w.wait(1s, 20ms);
    for (const Watcher::Change& c : changes.changes) {
      if (c.path == path) return c;
    }
  }
  return std::nullopt;
}

TEST_CASE("the watcher reports files written, added and removed, in new folders too", "[serve]") {
  TempDir dir;
  dir.write("content/a.md", "een");
  dir.write("wegwijzer.yaml", "title: x\n");
  Watcher w;
  std::string error;
  REQUIRE(w.start(dir.path().string(), {"content", "templates"}, {"wegwijzer.yaml"}, &error));

  dir.write("content/a.md", "twee");
  auto written = wait_for(w, "content/a.md");
  REQUIRE(written);
  CHECK(written->contents_only);

  dir.write("content/nieuw/dieper/b.md", "drie");
  auto folder = wait_for(w, "content/nieuw");
  REQUIRE(folder);
  CHECK(folder->is_folder);
  // Once the new folders are watched, what happens in them is reported too.
  dir.write("content/nieuw/dieper/b.md", "vier");
  auto deeper = wait_for(w, "content/nieuw/dieper/b.md");
  REQUIRE(deeper);

  fs::rename(dir.path() / "content/a.md", dir.path() / "content/c.md");
  auto added = wait_for(w, "content/c.md");
  REQUIRE(added);
  CHECK_FALSE(added->contents_only);

  // A watched folder that did not exist at the start.
  dir.write("templates/page.html", "x");
  REQUIRE(wait_for(w, "templates"));
  dir.write("templates/page.html", "y");
  REQUIRE(wait_for(w, "templates/page.html"));

  dir.write("wegwijzer.yaml", "title: y\n");
  REQUIRE(wait_for(w, "wegwijzer.yaml"));
  dir.write("elders.txt", "not watched");
  dir.write("content/d.md", "d");
  auto changes = w.wait(10s, 50ms);
  CHECK(std::none_of(changes.changes.begin(), changes.changes.end(),
                     [](const Watcher::Change& c) { return c.path == "elders.txt"; }));
}

bool has_path(const Watcher::Changes& changes, const std::string& path) {
  return std::any_of(changes.changes.begin(), changes.changes.end(),
                     [&](const Watcher::Change& c) { return c.path == path; });
}

TEST_CASE("the end of a save ends the wait; an editor's backup does not", "[serve]") {
  TempDir dir;
  dir.write("content/a.md", "een");
  Watcher w;
  std::string error;
  REQUIRE(w.start(dir.path().string(), {"content"}, {}, &error));
  // An editor keeps a backup, then writes the page; much later another page is written.
  std::thread editor([&] {
    dir.write("content/a.md~", "een");
    std::this_thread::sleep_for(200ms);
    dir.write("content/a.md", "twee");
    std::this_thread::sleep_for(3s);
    dir.write("content/b.md", "later");
  });
  Watcher::Changes changes = w.wait(10s, /*quiet=*/20s, /*longest=*/20s, /*settle=*/5ms);
  editor.join();
  CHECK(has_path(changes, "content/a.md~"));  // the backup did not end the burst
  CHECK(has_path(changes, "content/a.md"));
  CHECK_FALSE(has_path(changes, "content/b.md"));  // the page's save did, long before
}

TEST_CASE("a watcher's wait can be interrupted from another thread", "[serve]") {
  TempDir dir;
  Watcher w;
  std::string error;
  REQUIRE(w.start(dir.path().string(), {"content"}, {}, &error));
  std::thread t([&] { w.interrupt(); });
  Watcher::Changes changes = w.wait(10s, 20ms);
  t.join();
  CHECK(changes.interrupted);
}

}  // namespace
}  // namespace wegwijzer
