// Replays every input under tests/fuzz/regressions/<target>/ through its fuzz target: each one
// crashed or hung once, and must now pass quietly.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "fuzz/data_mutation.h"
#include "fuzz/fuzz_targets.h"

namespace fs = std::filesystem;

namespace wegwijzer {

TEST_CASE("fuzz regressions replay without crashing", "[fuzz]") {
  const std::map<std::string, std::function<void(std::string_view)>> targets = {
      {"front_matter", fuzz_front_matter},
      {"mustache", fuzz_mustache},
      {"json_source", fuzz_json_source},
      {"markdown_links", fuzz_markdown_links},
      {"data_mutation",
       [](std::string_view recipe) {
         static const SiteFiles site = read_site_files(WEGWIJZER_SOURCE_DIR);
         fuzz_data_mutation(site, recipe, /*full_build=*/true);
       }},
  };
  fs::path root = fs::path(WEGWIJZER_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  size_t replayed = 0;
  for (const auto& [name, run] : targets) {
    REQUIRE(fs::is_directory(root / name));
    for (const auto& entry : fs::directory_iterator(root / name)) {
      if (!entry.is_regular_file() || entry.path().filename() == ".keep") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream data;
      data << in.rdbuf();
      INFO(entry.path().string());
      run(data.str());
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}

}  // namespace wegwijzer
