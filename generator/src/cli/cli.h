#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace wegwijzer {

// Exit statuses of the wegwijzer command.
enum ExitStatus { kExitOk = 0, kExitInputErrors = 1, kExitUsage = 2 };

// Runs the command line `args` (without the program name), writing results to `out` and
// diagnostics to `err`. Returns the exit status. `process_ends_after`: the caller (main) ends the
// process when this returns, so a build need not free what it built.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool process_ends_after = false);

}  // namespace wegwijzer
