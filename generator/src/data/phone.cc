#include "data/phone.h"

#include <cctype>

namespace wegwijzer {

std::optional<std::string> dutch_phone_to_tel(const std::string& written) {
  std::string digits;
  bool plus = false;
  for (size_t i = 0; i < written.size(); ++i) {
    char c = written[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
      return std::nullopt;
    }
  }
  // Short numbers are dialled as they are: 112, 113, and the 14 + area code municipal numbers.
  if (!plus && (digits == "112" || digits == "113")) return digits;
  if (!plus && digits.size() >= 5 && digits.size() <= 7 && digits.starts_with("14")) return digits;

  std::string national;  // without the leading 0 or country code
  if (plus && digits.starts_with("31")) {
    national = digits.substr(2);
  } else if (!plus && digits.starts_with("0031")) {
    national = digits.substr(4);
  } else if (!plus && digits.starts_with("0") && !digits.starts_with("00")) {
    national = digits.substr(1);
  } else {
    return std::nullopt;
  }
  if (national.empty() || national[0] == '0') return std::nullopt;
  bool service = national.starts_with("800") || national.starts_with("900") ||
                 national.starts_with("906") || national.starts_with("909");
  bool ok = service ? (national.size() == 7 || national.size() == 10) : national.size() == 9;
  if (!ok) return std::nullopt;
  return "+31" + national;
}

}  // namespace wegwijzer
