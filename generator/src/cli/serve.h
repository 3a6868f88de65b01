#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace wegwijzer {

// `wegwijzer serve`, the main of wegwijzer-serve (cli/serve_launcher.h): `args` are the arguments
// after "serve". Runs until SIGINT or SIGTERM and returns the exit status.
int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace wegwijzer
