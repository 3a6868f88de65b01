// cmark-gfm 0.29 keeps the special inline characters of its syntax extensions (~ for
// strikethrough, | for tables, : and w for autolinks) in one process-wide table. Every parser
// switches them on before inline parsing and off after it (and around each table row), so two
// documents parsed at once switch them off under each other and lose strikethrough, table cells or
// autolinks at random.
//
// Every parser in this program attaches the same extensions but autolink, and the table is read
// only by the inline parser, so leaving their characters switched on is exactly what each parser
// wants. This file defines the library's exported switch function in the program itself (the
// program exports it, generator/CMakeLists.txt), so where the library calls it through its PLT
// this definition takes its place: it switches those characters on once, through the library's
// own function, and never off again.
//
// Autolink's ':' and 'w' are another matter: with them on, every 'w' of a text ends a text node,
// which costs a fifth of the parse, and most texts have no link for them to find
// (cmark_extensions.h). So they are switched by the parses themselves: each holds an
// AutolinkCharacters lease, and the table is written only while no lease holder reads it.
//
// Whether the library really calls this definition is not something a symbol lookup can tell: a
// library linked with -Bsymbolic-functions, built with LTO or calling a hidden alias finds the
// symbol where dlsym says but still calls its own copy, and a cmark-gfm with one table per parser
// would get its characters switched on for the first parser only. So the first call to
// parallel_parsing_is_safe() checks the behaviour instead (probe_override below). Where the check
// fails, this definition hands every call on to the library's function unchanged, and markdown.cc
// parses one document at a time.

#include "markdown/cmark_threads.h"

#include <cmark-gfm-extension_api.h>  // declares the switch this file overrides
#include <cmark-gfm.h>
#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "markdown/cmark_extensions.h"
#include "markdown/cmark_owners.h"

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

ParserPtr parser_with(std::span<cmark_syntax_extension* const> extensions) {
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (cmark_syntax_extension* extension : extensions) {
    if (extension != nullptr) cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  return parser;
}

// Every extension, as markdown.cc may attach them.
ParserPtr probe_parser() {
  return parser_with(all_extensions().list);
}

// The library's switch works on the extensions a parser attaches; these two parsers hold the
// characters that stay on for good and autolink's, which AutolinkCharacters switches.
cmark_parser* parser_without_autolink() {
  static ParserPtr parser = parser_with(extensions_without_autolink());
  return parser.get();
}
cmark_parser* parser_with_autolink_only() {
  static cmark_syntax_extension* const only[] = {autolink_extension()};
  static ParserPtr parser = parser_with(only);
  return parser.get();
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
  // Nothing else parses yet: the probe may switch autolink's characters itself.
  library_switch()(parser_with_autolink_only(), 1);
  const std::string html = finish_to_html(parser.get(), kFirstText);
  library_switch()(parser_with_autolink_only(), 0);
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

void keep_switched_on() {
  static std::once_flag once;
  std::call_once(once, [] { library_switch()(parser_without_autolink(), 1); });
}

// Who reads the table now (AutolinkCharacters). Autolink's characters are written only where no
// lease holder reads: switched on by a parse that needs them once no other parse runs, switched off
// by one that does not once none runs at all. In between they stay as they are, for while a
// needing parse runs they must stay on, and a parse that does not need them gives the same tree
// either way (cmark_extensions_test).
struct AutolinkSwitch {
  std::mutex mutex;
  std::condition_variable changed;
  bool on = false;  // the probe leaves them off
  int needing = 0;  // parses that run with them on
  int waiting = 0;  // parses that wait to switch them on
  int others = 0;   // parses that run without needing them
};

AutolinkSwitch& autolink_switch() {
  static AutolinkSwitch state;
  return state;
}

}  // namespace

AutolinkCharacters::AutolinkCharacters(bool needed)
    : needed_(needed), managed_(parallel_parsing_is_safe()) {
  if (!managed_) return;  // the library switches them for each parser itself
  AutolinkSwitch& s = autolink_switch();
  std::unique_lock<std::mutex> lock(s.mutex);
  if (needed_) {
    ++s.waiting;
    s.changed.wait(lock, [&s] { return s.on || s.others == 0; });
    --s.waiting;
    if (!s.on) {
      library_switch()(parser_with_autolink_only(), 1);
      s.on = true;
      s.changed.notify_all();
    }
    ++s.needing;
    return;
  }
  // A waiting parse goes first, so that a stream of others cannot keep it waiting.
  s.changed.wait(lock, [&s] { return s.on || s.waiting == 0; });
  if (s.on && s.needing == 0 && s.waiting == 0 && s.others == 0) {
    library_switch()(parser_with_autolink_only(), 0);
    s.on = false;
  }
  ++s.others;
}

AutolinkCharacters::~AutolinkCharacters() {
  if (!managed_) return;
  AutolinkSwitch& s = autolink_switch();
  std::lock_guard<std::mutex> lock(s.mutex);
  if (needed_) {
    --s.needing;
  } else if (--s.others == 0) {
    s.changed.notify_all();
  }
}

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
  if (add) keep_switched_on();
  observe(parser, add);
}
