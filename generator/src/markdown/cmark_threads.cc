// cmark-gfm 0.29 keeps the special inline characters of its syntax extensions (~ for
// strikethrough, | for tables, : and w for autolinks) in one process-wide table. Every parser
// switches them on before inline parsing and off after it, so two documents parsed at once switch
// them off under each other and lose strikethrough, table cells or autolinks at random.
//
// Every parser in this program attaches the same extensions, and the table is read only by the
// inline parser, so leaving the characters switched on is exactly what each parser wants. This
// file defines the library's exported switch function in the program itself; the library calls it
// through its PLT, so this definition takes its place: it switches the characters on once, through
// the library's own function, and never off again. After that the table is only read, from any
// number of threads. The program exports the symbol (generator/CMakeLists.txt), and
// parallel_parsing_is_safe() checks at run time that the override is the one in use, so a build
// where it is not falls back to parsing one document at a time.

#include "markdown/cmark_threads.h"

#include <mutex>

#include <dlfcn.h>

extern "C" {
struct cmark_parser;
void cmark_manage_extensions_special_characters(cmark_parser* parser, int add);
}

namespace {

using SwitchFunction = void (*)(cmark_parser*, int);

SwitchFunction library_switch() {
  static SwitchFunction function = reinterpret_cast<SwitchFunction>(
      dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
  return function;
}

}  // namespace

extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  if (!add) return;
  static std::once_flag once;
  std::call_once(once, [parser] {
    if (SwitchFunction real = library_switch()) real(parser, 1);
  });
}

namespace wegwijzer::markdown {

bool parallel_parsing_is_safe() {
  static const bool safe =
      library_switch() != nullptr &&
      dlsym(RTLD_DEFAULT, "cmark_manage_extensions_special_characters") ==
          reinterpret_cast<void*>(&cmark_manage_extensions_special_characters);
  return safe;
}

}  // namespace wegwijzer::markdown
