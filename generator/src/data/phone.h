#pragma once

#include <optional>
#include <string>

namespace wegwijzer {

// A Dutch phone number as written for people ("0800-0113", "088 0767 000", "112") turned into
// the form a tel: link needs: E.164 ("+318000113", "+31880767000") or, for the short emergency
// and crisis numbers, the number itself ("112", "113"). nullopt when it is not a well-formed
// Dutch number.
std::optional<std::string> dutch_phone_to_tel(const std::string& written);

}  // namespace wegwijzer
