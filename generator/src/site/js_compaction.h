#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wegwijzer {

// The theme's JavaScript as a browser needs it: comments and the spaces a reader of the source
// needs are dropped, everything else is kept byte for byte. Line breaks stay (one where the
// source had any), so automatic semicolon insertion reads the program exactly as before. The
// scan knows strings, template literals (with ${...} inside, nested), comments and regular
// expression literals; a '/' is taken as the start of a regular expression after an operator,
// an opening bracket, a comma or semicolon, or a keyword such as `return`, as JavaScript's own
// grammar does in every case this theme writes. Nothing is guessed: an unterminated string,
// template, comment or regular expression gives nullopt, and the caller keeps the file as it is.
std::optional<std::string> compact_javascript(std::string_view js);

}  // namespace wegwijzer
