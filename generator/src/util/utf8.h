#pragma once

#include <cstddef>
#include <string_view>

namespace wegwijzer {

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or npos when the text is
// valid. Overlong forms, surrogates and code points above U+10FFFF are invalid.
size_t find_invalid_utf8(std::string_view text);

// Number of bytes of a leading UTF-8 byte order mark (0 or 3).
inline size_t bom_length(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

}  // namespace wegwijzer
