#pragma once

#include <optional>
#include <string>
#include <vector>

namespace wegwijzer {

// Walks command-line flags written as "--name value" or "--name=value".
class FlagReader {
 public:
  FlagReader(const std::vector<std::string>& args, size_t start) : args_(args), next_(start) {}

  // Moves to the next argument; false when there is none.
  bool next();
  const std::string& name() const { return name_; }  // "--source", without any "=value"
  const std::string& raw() const { return args_[current_]; }
  // The flag's value: after '=', else the following argument (consumed); nullopt if missing.
  std::optional<std::string> value();

 private:
  const std::vector<std::string>& args_;
  size_t next_;
  size_t current_ = 0;
  std::string name_;
  std::optional<std::string> inline_value_;
};

// `text` as a whole number from `low` to `high`, or nullopt.
std::optional<int> parse_int_in_range(const std::string& text, int low, int high);

}  // namespace wegwijzer
