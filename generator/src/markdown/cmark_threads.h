#pragma once

#include <string>
#include <string_view>

namespace wegwijzer::markdown {

// True when documents may be parsed on several threads at once (see cmark_threads.cc). When it
// is false, callers must parse one document at a time. The first call parses two tiny documents
// to check that cmark-gfm really calls this program's override; make it before parsing anything
// else, and not on one thread while another registers cmark-gfm's core extensions for the first
// time (markdown.cc asks only after it has registered them).
bool parallel_parsing_is_safe();

// Why parallel parsing is not safe, for diagnostics; empty when it is.
std::string_view parallel_parsing_fallback_reason();

// Held by every parse, from before cmark_parser_feed until after cmark_parser_finish: `needed`
// when the parser attaches an extension that matches inline autolinks
// (ChosenExtensions::inline_autolinks). cmark-gfm's ':' and 'w' are on while any parse that
// needs them runs; a parse that does not may wait for one to switch them, and one that does may
// wait until no other parse reads them. Where parallel parsing is not safe, the library switches
// them for each parser as it always does and a lease does nothing.
class AutolinkCharacters {
 public:
  explicit AutolinkCharacters(bool needed);
  ~AutolinkCharacters();
  AutolinkCharacters(const AutolinkCharacters&) = delete;
  AutolinkCharacters& operator=(const AutolinkCharacters&) = delete;

 private:
  bool needed_;
  bool managed_;
};

// One line for `wegwijzer --timings`, e.g.
// "markdown: parsing under a lock (cmark-gfm override not in force)".
std::string parallel_parsing_report();

}  // namespace wegwijzer::markdown
