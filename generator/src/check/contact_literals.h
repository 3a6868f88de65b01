#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wegwijzer {

// Phone numbers and e-mail addresses typed into prose or a template bypass the data, its
// sourcing and its freshness check; these find them so the build can refuse them.
struct LiteralRules {
  std::vector<std::string> short_numbers;  // numbers dialled as they are, e.g. "112"
  std::vector<std::string> allowed;        // text that may stand as written: "113.nl"
};

struct ContactLiteral {
  size_t offset = 0;  // in the text scanned
  std::string text;   // as written
  bool is_email = false;
};

// Every phone number (a Dutch number with its area or service code, or a configured short number
// standing as a word) and e-mail address in `text`, outside {{...}} tags and `allowed` text.
std::vector<ContactLiteral> find_contact_literals(std::string_view text, const LiteralRules& rules);

// The cheap first look of find_contact_literals: false only when `text` certainly holds none (no
// '@', no short number, none of the allowed text, no '0' that starts a word). Most pages pass
// it, and are spared the copy and the byte-by-byte scan.
bool may_hold_contact_literal(std::string_view text, const LiteralRules& rules);
// find_contact_literals without that first look.
std::vector<ContactLiteral> scan_contact_literals(std::string_view text, const LiteralRules& rules);

// The error message for one of them.
std::string contact_literal_message(const ContactLiteral& literal);

}  // namespace wegwijzer
