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

// The autolink extension as cmark-gfm has it, without its postprocess. Its inline matcher uses
// nothing of the extension but the parser, and the special characters are the same list.
cmark_syntax_extension* autolink_without_postprocess(cmark_syntax_extension* autolink) {
  if (autolink == nullptr || autolink->match_inline == nullptr) return autolink;
  cmark_syntax_extension* copy = cmark_syntax_extension_new(autolink->name);
  cmark_syntax_extension_set_match_inline_func(copy, autolink->match_inline);
  cmark_llist* chars = nullptr;
  cmark_mem* mem = cmark_get_default_mem_allocator();
  for (cmark_llist* it = autolink->special_inline_chars; it != nullptr; it = it->next) {
    chars = cmark_llist_append(mem, chars, it->data);
  }
  cmark_syntax_extension_set_special_inline_chars(copy, chars);
  return copy;  // lives as long as the program, as the registered extensions do
}

struct ExtensionSets {
  ExtensionSet all{};
  ExtensionSet without_email{};
};

// cmark-gfm's registry is a plain global list, so it is filled and read out exactly once.
const ExtensionSets& extension_sets() {
  static ExtensionSets sets;
  static std::once_flag once;
  std::call_once(once, [] {
    cmark_gfm_core_extensions_ensure_registered();
    for (size_t i = 0; i < kExtensionNames.size(); ++i) {
      sets.all[i] = cmark_find_syntax_extension(kExtensionNames[i]);
    }
    sets.without_email = sets.all;
    sets.without_email[kAutolink] = autolink_without_postprocess(sets.all[kAutolink]);
  });
  return sets;
}

}  // namespace

bool may_hold_email_autolink(std::string_view text) {
  return text.find('@') != std::string_view::npos || text.find("&#") != std::string_view::npos ||
         text.find("&commat;") != std::string_view::npos;
}

std::span<cmark_syntax_extension* const> all_extensions() {
  return extension_sets().all;
}

std::span<cmark_syntax_extension* const> extensions_for(std::string_view text) {
  const ExtensionSets& sets = extension_sets();
  return may_hold_email_autolink(text) ? sets.all : sets.without_email;
}

}  // namespace wegwijzer::markdown
