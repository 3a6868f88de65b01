#include "markdown/cmark_extensions.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm/syntax_extension.h>  // the extension's own functions, to copy them

#include <array>
#include <mutex>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wegwijzer::markdown {
namespace {

constexpr std::array<const char*, 5> kExtensionNames = {"table", "strikethrough", "autolink",
                                                        "tasklist", "tagfilter"};
constexpr size_t kTable = 0;
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

// Indexed by need_index().
struct ExtensionSets {
  std::array<ExtensionSet, 8> by_need{};
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
    cmark_syntax_extension* autolink = all[kAutolink];
    cmark_syntax_extension* postprocess = autolink ? autolink_part(autolink, false) : nullptr;
    cmark_syntax_extension* matcher = autolink ? autolink_part(autolink, true) : nullptr;
    for (size_t index = 0; index < sets.by_need.size(); ++index) {
      const TextNeeds needs{.tables = (index & 4) != 0,
                            .inline_autolinks = (index & 2) != 0,
                            .email_autolinks = (index & 1) != 0};
      ExtensionSet& set = sets.by_need[index];
      set = all;
      if (!needs.tables) set[kTable] = nullptr;
      if (!needs.inline_autolinks) set[kAutolink] = needs.email_autolinks ? postprocess : nullptr;
      if (!needs.email_autolinks) set[kAutolink] = needs.inline_autolinks ? matcher : nullptr;
    }
  });
  return sets;
}

size_t need_index(const TextNeeds& needs) {
  return (needs.tables ? 4 : 0) + (needs.inline_autolinks ? 2 : 0) +
         (needs.email_autolinks ? 1 : 0);
}

// What the text at `at` may need, if anything.
void note_need(std::string_view text, size_t at, TextNeeds* needs) {
  std::string_view rest = text.substr(at);
  switch (rest[0]) {
    case ':':
      needs->inline_autolinks |= rest.starts_with("://");
      break;
    case 'w':
      needs->inline_autolinks |= rest.starts_with("www.");
      break;
    case '@':
      needs->email_autolinks = true;
      break;
    case '^':
      needs->footnotes = true;
      break;
    case '|':
      needs->tables = true;
      break;
    case '&':
      if (rest.starts_with("&#")) needs->footnotes = needs->email_autolinks = true;
      needs->footnotes |= rest.starts_with("&Hat;");
      needs->email_autolinks |= rest.starts_with("&commat;");
      break;
    default:
      break;
  }
}

}  // namespace

TextNeeds needs_of(std::string_view text) {
  TextNeeds needs;
  const char* data = text.data();
  size_t i = 0;
#if defined(__SSE2__)
  // The characters every need starts with ('w' only as the first of "ww"), sixteen at a time;
  // prose has few of them, so nearly every block is one comparison of its mask with zero.
  const __m128i colon = _mm_set1_epi8(':'), at = _mm_set1_epi8('@'), amp = _mm_set1_epi8('&'),
                caret = _mm_set1_epi8('^'), bar = _mm_set1_epi8('|'), w = _mm_set1_epi8('w');
  for (; i + 17 <= text.size(); i += 16) {
    __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 1));
    __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, colon), _mm_cmpeq_epi8(block, at)),
                     _mm_cmpeq_epi8(block, bar)),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, amp), _mm_cmpeq_epi8(block, caret)),
                     _mm_and_si128(_mm_cmpeq_epi8(block, w), _mm_cmpeq_epi8(next, w))));
    for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask != 0;
         mask &= mask - 1) {
      note_need(text, i + static_cast<size_t>(__builtin_ctz(mask)), &needs);
    }
    if (needs.footnotes && needs.tables && needs.inline_autolinks && needs.email_autolinks) {
      return needs;
    }
  }
#endif
  for (; i < text.size(); ++i) note_need(text, i, &needs);
  return needs;
}

ChosenExtensions extensions_for(const TextNeeds& needs) {
  const ExtensionSet& set = extension_sets().by_need[need_index(needs)];
  return {set, needs.inline_autolinks && set[kAutolink] != nullptr};
}

ChosenExtensions all_extensions() {
  const ExtensionSet& set = extension_sets().by_need.back();
  return {set, set[kAutolink] != nullptr};
}

std::span<cmark_syntax_extension* const> extensions_without_autolink() {
  return extension_sets().without_autolink;
}

cmark_syntax_extension* autolink_extension() {
  return extension_sets().by_need.back()[kAutolink];
}

}  // namespace wegwijzer::markdown
