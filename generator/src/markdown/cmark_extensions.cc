#include "markdown/cmark_extensions.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm/syntax_extension.h>  // the extension's own functions, to copy them

#include <array>
#include <mutex>

namespace wegwijzer::markdown {
namespace {

constexpr std::array<const char*, 5> kExtensionNames = {"table", "strikethrough", "autolink",
                                                        "tasklist", "tagfilter"};
constexpr size_t kAutolink = 2;

using ExtensionSet = std::array<cmark_syntax_extension*, kExtensionNames.size()>;

// A copy of cmark-gfm's autolink extension with only its inline matcher (and the special
// characters that call it) or only its postprocess. Neither uses anything of the extension
// itself, only the parser and the tree.
cmark_syntax_extension* autolink_part(cmark_syntax_extension* autolink, bool matcher) {
  cmark_syntax_extension* copy = cmark_syntax_extension_new(autolink->name);
  if (!matcher) {
    cmark_syntax_extension_set_postprocess_func(copy, autolink->postprocess_func);
    return copy;  // lives as long as the program, as the registered extensions do
  }
  cmark_syntax_extension_set_match_inline_func(copy, autolink->match_inline);
  cmark_llist* chars = nullptr;
  cmark_mem* mem = cmark_get_default_mem_allocator();
  for (cmark_llist* it = autolink->special_inline_chars; it != nullptr; it = it->next) {
    chars = cmark_llist_append(mem, chars, it->data);
  }
  cmark_syntax_extension_set_special_inline_chars(copy, chars);
  return copy;
}

// Indexed by (inline autolinks ? 2 : 0) + (e-mail autolinks ? 1 : 0).
struct ExtensionSets {
  std::array<ExtensionSet, 4> by_need{};
  ExtensionSet without_autolink{};
};

// cmark-gfm's registry is a plain global list, so it is filled and read out exactly once.
const ExtensionSets& extension_sets() {
  static ExtensionSets sets;
  static std::once_flag once;
  std::call_once(once, [] {
    cmark_gfm_core_extensions_ensure_registered();
    ExtensionSet all{};
    for (size_t i = 0; i < kExtensionNames.size(); ++i) {
      all[i] = cmark_find_syntax_extension(kExtensionNames[i]);
    }
    sets.without_autolink = all;
    sets.without_autolink[kAutolink] = nullptr;
    for (ExtensionSet& set : sets.by_need) set = all;
    if (cmark_syntax_extension* autolink = all[kAutolink]) {
      sets.by_need[0][kAutolink] = nullptr;
      sets.by_need[1][kAutolink] = autolink_part(autolink, false);
      sets.by_need[2][kAutolink] = autolink_part(autolink, true);
    }
  });
  return sets;
}

// Whether `part` occurs in `text`, found through its character at `anchor`: the rarest one in
// prose, so that memchr does most of the work ('w' is common in Dutch, '.' much less).
bool contains(std::string_view text, std::string_view part, size_t anchor) {
  const char rare = part[anchor];
  for (size_t at = text.find(rare, anchor); at != std::string_view::npos;
       at = text.find(rare, at + 1)) {
    if (text.substr(at - anchor, part.size()) == part) return true;
  }
  return false;
}

}  // namespace

bool may_hold_email_autolink(std::string_view text) {
  return text.find('@') != std::string_view::npos || contains(text, "&#", 0) ||
         contains(text, "&commat;", 0);
}

bool may_hold_inline_autolink(std::string_view text) {
  return contains(text, "://", 0) || contains(text, "www.", 3);
}

ChosenExtensions extensions_for(std::string_view text) {
  const bool inline_links = may_hold_inline_autolink(text);
  const ExtensionSet& set =
      extension_sets().by_need[(inline_links ? 2 : 0) + (may_hold_email_autolink(text) ? 1 : 0)];
  return {set, inline_links && set[kAutolink] != nullptr};
}

ChosenExtensions all_extensions() {
  const ExtensionSet& set = extension_sets().by_need[3];
  return {set, set[kAutolink] != nullptr};
}

std::span<cmark_syntax_extension* const> extensions_without_autolink() {
  return extension_sets().without_autolink;
}

cmark_syntax_extension* autolink_extension() {
  return extension_sets().by_need[3][kAutolink];
}

}  // namespace wegwijzer::markdown
