#pragma once

#include <string_view>

namespace wegwijzer {

// std::string_view::find for a needle that starts with a common character (" id=\"", " href=\"):
// find() calls memchr for the first character and compares at every hit, which in HTML is every
// few bytes; glibc's memmem skips ahead instead. Returns npos when not found.
size_t find_text(std::string_view haystack, std::string_view needle, size_t from = 0);

}  // namespace wegwijzer
