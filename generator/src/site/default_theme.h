#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace wegwijzer {

// The project's templates/ and site-assets/ as compiled into the binary, by path relative to the
// project root ("templates/page.html", "site-assets/site.css"), sorted by path.
const std::vector<std::pair<std::string_view, std::string_view>>& default_theme_files();

}  // namespace wegwijzer
