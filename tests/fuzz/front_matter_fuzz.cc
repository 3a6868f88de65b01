// libFuzzer entry point; the target itself is wegwijzer::fuzz_front_matter (generator/src/fuzz/).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  wegwijzer::fuzz_front_matter(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
