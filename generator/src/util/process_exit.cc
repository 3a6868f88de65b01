#include "util/process_exit.h"

#include <mutex>
#include <utility>
#include <vector>

namespace wegwijzer {

void leave_to_process_exit(std::shared_ptr<void> object) {
  static std::mutex mutex;
  // Made and never deleted: no destructor at exit frees what it holds.
  static auto* const kept = new std::vector<std::shared_ptr<void>>();
  std::lock_guard<std::mutex> lock(mutex);
  kept->push_back(std::move(object));
}

}  // namespace wegwijzer
