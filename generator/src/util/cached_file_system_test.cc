#include "util/cached_file_system.h"

#include <xxhash.h>

#include <catch2/catch.hpp>

#include "util/file_trace.h"

namespace wegwijzer {
namespace {

uint64_t hash_of(const std::string& s) {
  return XXH3_64bits(s.data(), s.size());
}

TEST_CASE("a cached file system knows hashes and listings until told otherwise", "[serve]") {
  MemoryFileSystem base({{"content/a.md", "een"}, {"content/b/c.md", "twee"}});
  CachedFileSystem fs(base);
  CHECK_FALSE(fs.known_hash("content/a.md"));
  std::string text, error;
  REQUIRE(fs.read_file("content/a.md", &text, &error));
  REQUIRE(fs.read_file("content/b/c.md", &text, &error));
  CHECK(fs.known_hash("content/a.md") == hash_of("een"));
  CHECK(fs.list_files("content").files.size() == 2);

  // Without being told, the cache keeps what it saw: that is the contract.
  base.set("content/a.md", "drie");
  base.set("content/nieuw.md", "vier");
  CHECK(fs.known_hash("content/a.md") == hash_of("een"));
  CHECK(fs.list_files("content").files.size() == 2);

  fs.contents_changed("content/a.md");
  CHECK_FALSE(fs.known_hash("content/a.md"));
  CHECK(fs.list_files("content").files.size() == 2);  // contents only: the listing stays
  fs.invalidate("content/nieuw.md");
  CHECK(fs.list_files("content").files.size() == 3);

  fs.invalidate("content/b", /*is_folder=*/true);
  CHECK_FALSE(fs.known_hash("content/b/c.md"));

  uint64_t hash = 0;
  REQUIRE(file_hash(fs, "content/a.md", &hash, &error));
  CHECK(hash == hash_of("drie"));
  CHECK(fs.known_hash("content/a.md") == hash_of("drie"));
  CHECK_FALSE(file_hash(fs, "content/weg.md", &hash, &error));
}

TEST_CASE("a cached file system says which files changed since a mark", "[serve]") {
  MemoryFileSystem base;
  CachedFileSystem fs(base);
  CHECK_FALSE(base.changed_since(0));  // a plain file system cannot tell

  uint64_t start = fs.change_mark();
  CHECK(fs.changed_since(start) == std::vector<std::string>{});
  fs.contents_changed("content/b.md");
  fs.invalidate("content/a.md");
  fs.contents_changed("content/b.md");
  uint64_t middle = fs.change_mark();
  fs.contents_changed("content/c.md");
  CHECK(fs.changed_since(start) ==
        std::vector<std::string>{"content/a.md", "content/b.md", "content/c.md"});
  CHECK(fs.changed_since(middle) == std::vector<std::string>{"content/c.md"});
  CHECK_FALSE(fs.changed_since(fs.change_mark() + 1));  // a mark from elsewhere

  // A folder's change, or everything's, cannot be listed file by file.
  fs.invalidate("content/d", /*is_folder=*/true);
  CHECK_FALSE(fs.changed_since(middle));
  uint64_t after_folder = fs.change_mark();
  fs.contents_changed("content/a.md");
  CHECK(fs.changed_since(after_folder) == std::vector<std::string>{"content/a.md"});
  fs.invalidate_all();
  CHECK_FALSE(fs.changed_since(after_folder));

  // Nor is a journal kept for ever.
  uint64_t old = fs.change_mark();
  for (size_t i = 0; i <= CachedFileSystem::kJournalLength; ++i)
    fs.contents_changed("content/a.md");
  CHECK_FALSE(fs.changed_since(old));
  CHECK(fs.changed_since(fs.change_mark()) == std::vector<std::string>{});
}

TEST_CASE("a file trace holds while every question gets the same answer", "[serve]") {
  MemoryFileSystem fs({{"templates/page.html", "a"}, {"templates/partials/x.html", "b"}});
  FileTrace trace;
  {
    TracingFileSystem traced(fs, &trace);
    std::string text, error;
    for (const std::string& f : traced.list_files("templates").files)
      traced.read_file(f, &text, &error);
    traced.read_file("templates/missing.html", &text, &error);
    traced.is_file("wegwijzer.yaml");
  }
  CHECK(trace.size() == 5);
  CHECK(trace.still_valid(fs));

  SECTION("a file read changes") {
    fs.set("templates/partials/x.html", "c");
    CHECK_FALSE(trace.still_valid(fs));
  }
  SECTION("a file appears in a listed folder") {
    fs.set("templates/nieuw.html", "d");
    CHECK_FALSE(trace.still_valid(fs));
  }
  SECTION("a file that could not be read appears") {
    fs.set("templates/missing.html", "e");
    CHECK_FALSE(trace.still_valid(fs));
  }
  SECTION("a file asked about appears") {
    fs.set("wegwijzer.yaml", "title: x");
    CHECK_FALSE(trace.still_valid(fs));
  }
  SECTION("a file nobody read changes") {
    fs.set("content/a.md", "x");
    CHECK(trace.still_valid(fs));
  }
}

}  // namespace
}  // namespace wegwijzer
