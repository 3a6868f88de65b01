#include "util/line_index.h"

#include <algorithm>
#include <cstring>

namespace wegwijzer {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char*>(nl) + 1;
    starts_.push_back(static_cast<size_t>(p - begin));
  }
}

LineColumn LineIndex::at(std::string_view text, size_t offset) const {
  if (starts_.empty()) return line_column_at(text, offset);
  offset = std::min(offset, text.size());
  // The last line start at or before the offset.
  auto line = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
  // Within its line, the column is counted as line_column_at counts it.
  LineColumn lc = line_column_at(text.substr(*line, offset - *line), offset - *line);
  lc.line = static_cast<int>(line - starts_.begin()) + 1;
  return lc;
}

}  // namespace wegwijzer
