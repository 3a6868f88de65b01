#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace wegwijzer {

// Exit statuses of the wegwijzer command.
enum ExitStatus { kExitOk = 0, kExitInputErrors = 1, kExitUsage = 2 };

// Runs the command line `args` (without the program name), writing results to `out` and
// diagnostics to `err`. Returns the exit status.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace wegwijzer
