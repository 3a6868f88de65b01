// `wegwijzer new DIR`: the new site builds and `wegwijzer check` finds nothing on the day it is
// made; a folder that holds files is left alone.

#include "cli/new_site.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "output/output.h"
#include "site/build.h"
#include "util/file_system.h"

namespace wegwijzer {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() /
              ("wegwijzer-new-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

TEST_CASE("new: the new site builds with the editors' checks, without errors or warnings") {
  TempDir dir("site");
  std::ostringstream out, err;
  REQUIRE(run_new({dir.path().string()}, out, err) == kExitOk);
  CHECK(err.str().empty());
  for (const char* file : {"wegwijzer.yaml", "content/_index.md", "content/guide/_index.md",
                           "content/guide/first-page.md", "content/data/places.json",
                           "content/data/schemas/places.schema.json"}) {
    INFO(file);
    CHECK(fs::is_regular_file(dir.path() / file));
  }

  DiskFileSystem files(dir.path().string());
  MemoryOutput output;
  BuildOptions options;  // today: the real date, as run_new used
  options.editor_checks = true;
  BuildResult result = build_site(files, options, &output);
  INFO(format_diagnostics(result.diagnostics));
  REQUIRE(result.ok());
  REQUIRE(result.diagnostics.error_count() == 0);
  REQUIRE(result.diagnostics.warning_count() == 0);
  CHECK(result.facts.size() == 2);

  auto site = output.take();
  REQUIRE(site.count("guide/first-page/index.html") == 1);
  CHECK(site.at("guide/first-page/index.html").find("Monday to Saturday</span>") !=
        std::string::npos);
  CHECK(site.at("index.html").find("lang=\"en\"") != std::string::npos);
  CHECK(site.count("data/places.json") == 1);
  // A page for each place, made from the data by the section's data_pages.
  REQUIRE(site.count("places/town-hall/index.html") == 1);
  CHECK(site.at("places/town-hall/index.html").find("Open: Monday to Friday.") !=
        std::string::npos);
  CHECK(site.at("places/index.html").find("<a href=\"/places/city-library/\">City Library</a>") !=
        std::string::npos);
}

TEST_CASE("new: the pages and data carry the day the site was made") {
  auto files = new_site_files("2031-02-03");
  CHECK(files.at("content/_index.md").find("lastmod: 2031-02-03\n") != std::string::npos);
  CHECK(files.at("content/guide/first-page.md").find("lastmod: 2031-02-03\n") != std::string::npos);
  CHECK(files.at("content/data/places.json").find("\"opgenomen\": \"2031-02-03\"") !=
        std::string::npos);
  for (const auto& [path, text] : files) {
    INFO(path);
    CHECK(text.find("@TODAY@") == std::string::npos);
  }
}

TEST_CASE("new: a folder that holds files is refused and left alone") {
  TempDir dir("full");
  fs::create_directories(dir.path());
  std::ofstream(dir.path() / "notes.txt") << "mine\n";
  std::ostringstream out, err;
  CHECK(run_new({dir.path().string()}, out, err) == kExitUsage);
  CHECK(err.str().find("not empty") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "wegwijzer.yaml"));
  CHECK(fs::directory_iterator(dir.path()) != fs::directory_iterator());
}

TEST_CASE("new: an empty folder is used; no folder, or two, is wrong usage") {
  TempDir dir("empty");
  fs::create_directories(dir.path());
  std::ostringstream out, err;
  CHECK(run_new({dir.path().string()}, out, err) == kExitOk);
  CHECK(fs::is_regular_file(dir.path() / "content/_index.md"));
  CHECK(run_new({}, out, err) == kExitUsage);
  CHECK(run_new({"a", "b"}, out, err) == kExitUsage);
  CHECK(run_new({"--help"}, out, err) == kExitOk);
}

}  // namespace wegwijzer
