#include "cli/flag_reader.h"

#include <stdexcept>

namespace wegwijzer {

bool FlagReader::next() {
  if (next_ >= args_.size()) return false;
  current_ = next_++;
  name_ = args_[current_];
  inline_value_.reset();
  if (size_t eq = name_.find('='); name_.starts_with("--") && eq != std::string::npos) {
    inline_value_ = name_.substr(eq + 1);
    name_.resize(eq);
  }
  return true;
}

std::optional<std::string> FlagReader::value() {
  if (inline_value_) return inline_value_;
  if (next_ >= args_.size()) return std::nullopt;
  return args_[next_++];
}

std::optional<int> parse_int_in_range(const std::string& text, int low, int high) {
  try {
    size_t used = 0;
    int v = std::stoi(text, &used);
    if (used == text.size() && v >= low && v <= high) return v;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace wegwijzer
