// cmark-gfm 0.29 keeps the special inline characters of its syntax extensions (~ for
// strikethrough, | for tables, : and w for autolinks) in one process-wide table. Every parser
// switches them on before inline parsing and off after it (and around each table row), so two
// documents parsed at once switch them off under each other and lose strikethrough, table cells or
// autolinks at random.
//
// Every parser in this program attaches the same extensions, and the table is read only by the
// inline parser, so leaving the characters switched on is exactly what each parser wants. This
// file defines the library's exported switch function in the program itself (the program exports
// it, generator/CMakeLists.txt), so where the library calls it through its PLT this definition
// takes its place: it switches the characters on once, through the library's own function, and
// never off again. After that the table is only read, from any number of threads.
//
// Whether the library really calls this definition is not something a symbol lookup can tell: a
// library linked with -Bsymbolic-functions, built with LTO or calling a hidden alias finds the
// symbol where dlsym says but still calls its own copy, and a cmark-gfm with one table per parser
// would get its characters switched on for the first parser only. So the first call to
// parallel_parsing_is_safe() checks the behaviour instead (probe_override below). Where the check
// fails, this definition hands every call on to the library's function unchanged, and markdown.cc
// parses one document at a time.

#include "markdown/cmark_threads.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>  // declares the switch this file overrides
#include <cmark-gfm.h>
#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>

namespace wegwijzer::markdown {
namespace {

using SwitchFunction = void (*)(cmark_parser*, int);

SwitchFunction library_switch() {
  static const SwitchFunction function = reinterpret_cast<SwitchFunction>(
      dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
  return function;
}

// Until the probe has decided, the override keeps the characters switched on: that is what the
// probe tests. Parses outside the probe wait for its decision in parallel_parsing_is_safe().
std::atomic<bool> pass_through{false};

// What the override saw of the probe's first parser; set only while the probe runs.
struct Observation {
  cmark_parser* parser = nullptr;
  int switched_on = 0;
  int switched_off = 0;
  bool interleaved = false;      // the second document was parsed in the middle of the first
  std::string interleaved_html;  // and rendered to this
};
std::atomic<Observation*> observing{nullptr};

// The same extensions as markdown.cc attaches: the characters switched on for good are those of
// the first parser, so every parser in the program must attach this set (or part of it).
constexpr std::array<const char*, 5> kExtensionNames = {"table", "strikethrough", "autolink",
                                                        "tasklist", "tagfilter"};

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

ParserPtr probe_parser() {
  // Registration is not thread-safe; markdown.cc does it before it first asks whether parsing
  // may run in parallel, and a second registration is a no-op.
  cmark_gfm_core_extensions_ensure_registered();
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : kExtensionNames) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  return parser;
}

std::string finish_to_html(cmark_parser* parser, std::string_view text) {
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* document = cmark_parser_finish(parser);
  char* html =
      cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
  std::string result = html == nullptr ? std::string() : std::string(html);
  cmark_get_default_mem_allocator()->free(html);
  cmark_node_free(document);
  return result;
}

// The second document has a table, so its rows switch the characters off too (table.c).
constexpr std::string_view kSecondText = "| a |\n|---|\n| ~~y~~ www.b.nl |\n";
constexpr std::string_view kSecondExpected =
    "<td><del>y</del> <a href=\"http://www.b.nl\">www.b.nl</a></td>";
// The first has none: its only switch calls are the ones around its inline parsing.
constexpr std::string_view kFirstText = "~~x~~ www.a.nl\n";
constexpr std::string_view kFirstExpected =
    "<p><del>x</del> <a href=\"http://www.a.nl\">www.a.nl</a></p>";

void observe(cmark_parser* parser, int add) {
  Observation* seen = observing.load(std::memory_order_acquire);
  if (seen == nullptr || parser != seen->parser) return;
  (add ? seen->switched_on : seen->switched_off)++;
  if (add && !seen->interleaved) {
    // The first document's inline parsing is about to start: parse a whole second document now,
    // as another thread might, and let its switching off happen before the first reads the table.
    seen->interleaved = true;
    seen->interleaved_html = finish_to_html(probe_parser().get(), kSecondText);
  }
}

// The reason is printed on one line.
std::string on_one_line(std::string html) {
  std::replace(html.begin(), html.end(), '\n', ' ');
  return html;
}

// Empty when the override is in force and keeps the extensions working; otherwise why not.
std::string probe_override() {
  if (library_switch() == nullptr) return "cmark-gfm's own switch function was not found";
  ParserPtr parser = probe_parser();
  Observation seen;
  seen.parser = parser.get();
  observing.store(&seen, std::memory_order_release);
  const std::string html = finish_to_html(parser.get(), kFirstText);
  observing.store(nullptr, std::memory_order_release);
  if (seen.switched_on == 0 || seen.switched_off == 0) {
    return "cmark-gfm did not call the override to switch the extensions' characters " +
           std::string(seen.switched_on == 0 ? "on" : "off");
  }
  if (html.find(kFirstExpected) == std::string::npos) {
    return "a document parsed while another finished lost its extensions: " + on_one_line(html);
  }
  if (seen.interleaved_html.find(kSecondExpected) == std::string::npos) {
    return "a second parser did not get the extensions' characters: " +
           on_one_line(seen.interleaved_html);
  }
  return {};
}

// Decided once, before any document is parsed through markdown.cc.
const std::string& fallback_reason() {
  static const std::string reason = [] {
    std::string why = probe_override();
    if (!why.empty()) pass_through.store(true, std::memory_order_release);
    return why;
  }();
  return reason;
}

void keep_switched_on(cmark_parser* parser) {
  static std::once_flag once;
  std::call_once(once, [parser] { library_switch()(parser, 1); });
}

}  // namespace

bool parallel_parsing_is_safe() {
  return fallback_reason().empty();
}

std::string_view parallel_parsing_fallback_reason() {
  return fallback_reason();
}

std::string parallel_parsing_report() {
  return parallel_parsing_is_safe()
             ? "markdown: parsing in parallel (cmark-gfm override in force)"
             : "markdown: parsing under a lock (cmark-gfm override not in force)";
}

}  // namespace wegwijzer::markdown

extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  using namespace wegwijzer::markdown;
  SwitchFunction library = library_switch();
  if (library == nullptr) return;  // the probe fails on this too, so markdown.cc takes the lock
  if (pass_through.load(std::memory_order_acquire)) {
    library(parser, add);
    return;
  }
  if (add) keep_switched_on(parser);
  observe(parser, add);
}
