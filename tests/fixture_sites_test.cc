// Builds every fixture site under tests/fixtures/ through the command line, as an editor would.
//   valid/<name>/site      -> the output must equal valid/<name>/expected/ byte for byte
//   invalid/<name>/site    -> stderr must equal invalid/<name>/expected-stderr.txt and the exit
//                             status invalid/<name>/expected-exit; the output folder must be
//                             left exactly as it was. A file invalid/<name>/command holding
//                             "check" runs `wegwijzer check` instead of `build`; what it prints
//                             on stdout (the fact table) must equal expected-stdout.txt.
// Freshness checks see 2026-11-23 as today, so the expectations do not age.
// WEGWIJZER_UPDATE_FIXTURES=1 rewrites the expectations from the current behaviour (review the
// diff before committing it).

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/cli.h"

namespace fs = std::filesystem;

namespace wegwijzer {
namespace {

const fs::path kFixtures = fs::path(WEGWIJZER_SOURCE_DIR) / "tests" / "fixtures";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& data) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

std::map<std::string, std::string> read_tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), root).string()] = read(entry.path());
  }
  return files;
}

bool updating() {
  const char* v = std::getenv("WEGWIJZER_UPDATE_FIXTURES");
  return v && std::string(v) == "1";
}

struct Run {
  int status;
  std::string out, err;
};

// The fixtures' expected output holds their dates as of one day. The day is fixed for this run
// only: tests after it in the same process read the real date.
Run run(const std::vector<std::string>& args) {
  ::setenv("WEGWIJZER_TODAY", "2026-11-23", 1);
  std::ostringstream out, err;
  int status = run_cli(args, out, err);
  ::unsetenv("WEGWIJZER_TODAY");
  return {status, out.str(), err.str()};
}

fs::path scratch_dir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("wegwijzer-fixture-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<fs::path> fixtures(const char* kind) {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(kFixtures / kind)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

}  // namespace

TEST_CASE("fixture sites: valid sites build to their expected output", "[fixtures]") {
  auto dirs = fixtures("valid");
  REQUIRE(!dirs.empty());
  for (const fs::path& dir : dirs) {
    DYNAMIC_SECTION(dir.filename().string()) {
      fs::path out = scratch_dir(dir.filename().string()) / "public";
      std::vector<std::string> args = {"build",    "--source",   (dir / "site").string(),
                                       "--output", out.string(), "--quiet"};
      if (fs::exists(dir / "args.txt")) {
        std::istringstream extra(read(dir / "args.txt"));
        for (std::string a; extra >> a;) args.push_back(a);
      }
      Run r = run(args);
      INFO(r.err);
      REQUIRE(r.status == 0);
      auto actual = read_tree(out);
      actual.erase(".wegwijzer-output");
      if (updating()) {
        fs::remove_all(dir / "expected");
        for (const auto& [path, data] : actual) write(dir / "expected" / path, data);
        write(dir / "expected-stderr.txt", r.err);
      }
      auto expected = read_tree(dir / "expected");
      REQUIRE(!expected.empty());
      std::vector<std::string> actual_names, expected_names;
      for (const auto& kv : actual) actual_names.push_back(kv.first);
      for (const auto& kv : expected) expected_names.push_back(kv.first);
      CHECK(actual_names == expected_names);
      for (const auto& [path, data] : expected) {
        INFO("file " << path);
        CHECK(actual[path] == data);
      }
      CHECK(r.err == read(dir / "expected-stderr.txt"));
      // Same bytes with one thread as with many.
      fs::path out1 = out.parent_path() / "public-j1";
      args[4] = out1.string();
      args.push_back("--jobs=1");
      REQUIRE(run(args).status == 0);
      auto single = read_tree(out1);
      single.erase(".wegwijzer-output");
      CHECK(single == actual);
      fs::remove_all(out.parent_path());
    }
  }
}

TEST_CASE("fixture sites: invalid sites report exact diagnostics and leave the output alone",
          "[fixtures]") {
  auto dirs = fixtures("invalid");
  REQUIRE(!dirs.empty());
  for (const fs::path& dir : dirs) {
    DYNAMIC_SECTION(dir.filename().string()) {
      fs::path out = scratch_dir(dir.filename().string()) / "public";
      // A previous good build that must survive.
      write(out / ".wegwijzer-output", "");
      write(out / "index.html", "previous site\n");
      std::string command = fs::exists(dir / "command") ? read(dir / "command") : "build\n";
      command.pop_back();
      std::vector<std::string> args = {command, "--source", (dir / "site").string()};
      if (command == "build") args.insert(args.end(), {"--output", out.string()});
      Run r = run(args);
      std::string err = r.err;
      for (size_t p; (p = err.find(out.string())) != std::string::npos;)
        err.replace(p, out.string().size(), "$OUTPUT");
      if (updating()) {
        write(dir / "expected-stderr.txt", err);
        write(dir / "expected-exit", std::to_string(r.status) + "\n");
        if (command == "check") write(dir / "expected-stdout.txt", r.out);
      }
      CHECK(err == read(dir / "expected-stderr.txt"));
      if (command == "check") {
        CHECK(r.out == read(dir / "expected-stdout.txt"));
      } else {
        CHECK(r.out.empty());
      }
      CHECK(std::to_string(r.status) + "\n" == read(dir / "expected-exit"));
      CHECK(r.status != 0);
      // The same report with one thread as with all (the data sets, for one, are checked on all).
      args.push_back("--jobs=1");
      Run single = run(args);
      CHECK(single.err == r.err);
      CHECK(single.out == r.out);
      auto left = read_tree(out);
      CHECK(left.size() == 2);
      CHECK(left["index.html"] == "previous site\n");
      fs::remove_all(out.parent_path());
    }
  }
}

}  // namespace wegwijzer
