// Nothing in the output depends on when, where or by whom it was built: the real site, built from
// two folders on two days with different --jobs, gives the same bytes, and its manifest lets
// anyone check a folder against what the build wrote.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "output/manifest.h"
#include "output/output.h"
#include "site/build.h"
#include "util/file_system.h"

namespace fs = std::filesystem;

namespace wegwijzer {
namespace {

std::map<std::string, std::string> build(const std::string& root, int jobs,
                                         const std::string& today) {
  DiskFileSystem files(root);
  MemoryOutput output;
  BuildOptions options;
  options.jobs = jobs;
  options.today = today;
  options.base_url = "https://www.example.nl";
  BuildResult result = build_site(files, options, &output);
  INFO(format_diagnostics(result.diagnostics));
  REQUIRE(result.ok());
  return output.take();
}

fs::path copy_of_site() {
  fs::path copy = fs::temp_directory_path() / ("wegwijzer-repro-" + std::to_string(::getpid()));
  fs::remove_all(copy);
  fs::create_directories(copy);
  for (const char* part : {"content", "templates", "site-assets", "search"}) {
    fs::copy(fs::path(WEGWIJZER_SOURCE_DIR) / part, copy / part, fs::copy_options::recursive);
  }
  fs::copy(fs::path(WEGWIJZER_SOURCE_DIR) / "wegwijzer.yaml", copy / "wegwijzer.yaml");
  return copy;
}

}  // namespace

TEST_CASE("reproducible: two folders, two days, any --jobs give the same bytes", "[site]") {
  fs::path copy = copy_of_site();
  auto first = build(WEGWIJZER_SOURCE_DIR, 1, "2026-12-05");
  auto second = build(copy.string(), 2, "2027-01-10");
  fs::remove_all(copy);
  REQUIRE(first.size() == second.size());
  for (const auto& [path, bytes] : first) {
    INFO(path);
    REQUIRE(second.count(path) == 1);
    CHECK(second.at(path) == bytes);
  }
  REQUIRE(first.count(kManifestName) == 1);
}

TEST_CASE("reproducible: verify finds what differs from the manifest") {
  fs::path dir = fs::temp_directory_path() / ("wegwijzer-verify-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "a");
  auto put = [&](const std::string& path, const std::string& text) {
    std::ofstream(dir / path) << text;
  };
  put("a/index.html", "<p>een</p>");
  put("b.css", "p{}");
  put(kManifestName,
      sha256_hex("<p>een</p>") + "  a/index.html\n" + sha256_hex("p{}") + "  b.css\n");
  CHECK(verify_manifest(dir.string()).ok());
  CHECK(verify_manifest(dir.string()).checked == 2);
  put("b.css", "p{color:red}");
  put("extra.html", "x");
  fs::remove(dir / "a/index.html");
  ManifestCheck check = verify_manifest(dir.string());
  CHECK_FALSE(check.ok());
  CHECK(check.missing == std::vector<std::string>{"a/index.html"});
  CHECK(check.changed == std::vector<std::string>{"b.css"});
  CHECK(check.extra == std::vector<std::string>{"extra.html"});
  fs::remove_all(dir);
  CHECK_FALSE(verify_manifest(dir.string()).error.empty());
  // The well-known value, so the hash is SHA-256 and not something like it.
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace wegwijzer
