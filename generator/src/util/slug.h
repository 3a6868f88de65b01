#pragma once

#include <string>
#include <string_view>

namespace wegwijzer {

// A URL- and id-safe slug in the Dutch manner: "Wat doet de huisarts?" -> "wat-doet-de-huisarts",
// "'s-Gravenhage" -> "s-gravenhage", "Cliënt & naaste" -> "client-naaste". Accents are folded,
// apostrophes dropped, everything else that is not a letter or digit becomes one hyphen.
// Returns an empty string when nothing is left.
std::string slugify(std::string_view text);

}  // namespace wegwijzer
