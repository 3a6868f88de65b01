// libFuzzer entry point; the target itself is wegwijzer::fuzz_data_mutation (generator/src/fuzz/):
// the input is a recipe of mutations to one of the real site's data files (issue 12).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/data_mutation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const wegwijzer::SiteFiles* site =
      new wegwijzer::SiteFiles(wegwijzer::read_site_files(WEGWIJZER_SOURCE_DIR));
  std::string_view recipe(reinterpret_cast<const char*>(data), size);
  wegwijzer::fuzz_data_mutation(*site, recipe, wegwijzer::wants_full_build(recipe));
  return 0;
}
