#pragma once

// What `wegwijzer` itself knows of `serve`. The dev server is a program of its own,
// wegwijzer-serve, installed beside wegwijzer: only it links the HTTP library and, through it,
// OpenSSL and the compression libraries. Loaded by every run, they made each `wegwijzer build`
// start some 8 ms later, on one thread while the others wait.

#include <ostream>
#include <string>
#include <vector>

namespace wegwijzer {

// The text of `wegwijzer serve --help`, also for the man page.
const char* serve_usage();

// Replaces this process with wegwijzer-serve from the running program's folder, given `args` (the
// arguments after "serve"), so that signals reach the server as they would have reached wegwijzer.
// Returns only when that fails, having said why on `err`, with the exit status.
int run_serve_program(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace wegwijzer
