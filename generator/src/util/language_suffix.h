#pragma once

#include <string>
#include <utility>
#include <vector>

namespace wegwijzer {

// A file in another language names it before its extension: "a/b.en.md" is "a/b.md" in
// languages[0] = "en". Gives the name without the language and the language's index + 1, or the
// path unchanged and 0 when it has no suffix of one of `languages` before `extension`.
std::pair<std::string, int> split_language_suffix(const std::string& path,
                                                  const std::string& extension,
                                                  const std::vector<std::string>& languages);

}  // namespace wegwijzer
