#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

#ifdef WEGWIJZER_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
#ifdef WEGWIJZER_MIMALLOC
  // 2 MB pages where the kernel offers them (transparent huge pages): a build touches a few
  // hundred megabytes, and faulting them in 4 KB at a time costs some 40,000 page faults.
  mi_option_enable(mi_option_large_os_pages);
#endif
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return wegwijzer::run_cli(args, std::cout, std::cerr);
}
