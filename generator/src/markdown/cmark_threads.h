#pragma once

namespace wegwijzer::markdown {

// True when documents may be parsed on several threads at once (see cmark_threads.cc). When it
// is false, callers must parse one document at a time.
bool parallel_parsing_is_safe();

}  // namespace wegwijzer::markdown
