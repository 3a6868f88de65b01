// libFuzzer entry point; the target itself is wegwijzer::fuzz_json_source (generator/src/fuzz/).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  wegwijzer::fuzz_json_source(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
