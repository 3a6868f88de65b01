// wegwijzer-serve: `wegwijzer serve`, which runs it (cli/serve_launcher.h says why it is apart).

#include <iostream>
#include <string>
#include <vector>

#include "cli/allocator.h"
#include "cli/serve.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return wegwijzer::run_with_allocator(
      [&] { return wegwijzer::run_serve(args, std::cout, std::cerr); });
}
