#include <iostream>
#include <string>
#include <vector>

#include "cli/allocator.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return wegwijzer::run_with_allocator(
      [&] { return wegwijzer::run_cli(args, std::cout, std::cerr, /*process_ends_after=*/true); });
}
