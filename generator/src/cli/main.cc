#include <iostream>
#include <string>
#include <vector>

#include "cli/allocator_options.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  wegwijzer::set_allocator_options();
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return wegwijzer::run_cli(args, std::cout, std::cerr);
}
