#include "util/language_suffix.h"

#include <algorithm>

namespace wegwijzer {

std::pair<std::string, int> split_language_suffix(const std::string& path,
                                                  const std::string& extension,
                                                  const std::vector<std::string>& languages) {
  if (!path.ends_with(extension)) return {path, 0};
  std::string stem = path.substr(0, path.size() - extension.size());
  size_t dot = stem.rfind('.');
  if (dot == std::string::npos || stem.find('/', dot) != std::string::npos) return {path, 0};
  auto it = std::find(languages.begin(), languages.end(), stem.substr(dot + 1));
  if (it == languages.end()) return {path, 0};
  return {stem.substr(0, dot) + extension, static_cast<int>(it - languages.begin()) + 1};
}

}  // namespace wegwijzer
