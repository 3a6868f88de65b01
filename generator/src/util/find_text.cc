#include "util/find_text.h"

#include <string.h>

namespace wegwijzer {

size_t find_text(std::string_view haystack, std::string_view needle, size_t from) {
  if (from > haystack.size()) return std::string_view::npos;
  const void* at =
      memmem(haystack.data() + from, haystack.size() - from, needle.data(), needle.size());
  return at ? static_cast<size_t>(static_cast<const char*>(at) - haystack.data())
            : std::string_view::npos;
}

}  // namespace wegwijzer
