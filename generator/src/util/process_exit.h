#pragma once

#include <memory>

namespace wegwijzer {

// Hands `object` to the end of the process: it is never destroyed. For a command that ends right
// after its work (wegwijzer build): the kernel takes back all of a process's memory at once,
// where destroying a built site frees its pages, data and frames one block at a time (15-20 ms
// on this project's site). What is handed over stays reachable, so leak checkers do not report it.
void leave_to_process_exit(std::shared_ptr<void> object);

}  // namespace wegwijzer
