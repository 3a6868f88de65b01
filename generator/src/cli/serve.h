#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace wegwijzer {

// `wegwijzer serve`: `args` are the arguments after "serve". Runs until SIGINT or SIGTERM and
// returns the exit status.
int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The text of `wegwijzer serve --help`, also for the man page.
const char* serve_usage();

}  // namespace wegwijzer
