#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "util/diagnostic.h"

namespace wegwijzer {

// The words a reader sees that the generator itself writes (dates, the 404 title, footnote
// labels, the fallback id of a heading) and the theme's labels, in one language: from the theme's
// templates/strings/<language>.yaml, so that the engine knows no language.
struct Strings {
  std::string language;
  nlohmann::json values = nlohmann::json::object();  // key -> text; "months" -> 12 texts

  // "" when the key is missing (load_strings reports that).
  std::string text(const char* key) const;
  // "2026-11-23" -> "23 november 2026" with the language's months and date pattern; anything
  // that is not such a date stays as written.
  std::string date(const std::string& iso) const;
};

// The keys every strings file must have, because the generator uses them.
extern const char* const kRequiredStrings[];

// Reads the strings for `language` from `files` (theme path -> (bytes, origin for messages)).
Strings load_strings(const std::map<std::string, std::pair<std::string, std::string>>& files,
                     const std::string& language, Diagnostics* diags);

// A warning on templates/strings/<other.language>.yaml when it lacks keys that `own` (the site's
// language) has: on pages in that language the theme would write nothing where those words go.
void check_same_keys(const Strings& own, const Strings& other, Diagnostics* diags);

}  // namespace wegwijzer
