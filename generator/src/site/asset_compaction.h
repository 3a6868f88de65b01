#pragma once

#include <string>
#include <string_view>

namespace wegwijzer {

// What a reader's browser downloads of the theme's CSS and JavaScript: the files without the
// comments and spaces written for their maintainers, which would otherwise be a tenth to a third
// of every page's weight on a slow line. CSS loses every /* ... */ outside a string and its empty
// lines; JavaScript is compacted by compact_javascript (and kept as it is where that cannot read
// it). Other files come back as they are.
std::string compact_asset(std::string_view path, std::string_view bytes);

}  // namespace wegwijzer
