#pragma once

#include <string>
#include <string_view>

namespace wegwijzer {

// What a reader's browser downloads of the theme's CSS and JavaScript: the files without the
// comments written for their maintainers, which would otherwise be a tenth to a quarter of every
// page's weight on a slow line. CSS loses every /* ... */ outside a string; JavaScript loses its
// whole-line // comments (a line that starts with //, outside a template literal), which is
// safe without parsing the language. Lines left empty go too. Other files come back as they are.
std::string without_comments(std::string_view path, std::string_view bytes);

}  // namespace wegwijzer
