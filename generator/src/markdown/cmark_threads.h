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

// One line for `wegwijzer --timings`, e.g.
// "markdown: parsing under a lock (cmark-gfm override not in force)".
std::string parallel_parsing_report();

}  // namespace wegwijzer::markdown
