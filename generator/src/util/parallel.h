#pragma once

#include <cstddef>
#include <functional>

namespace wegwijzer {

// Runs body(i) for every i in [0, count) on up to `jobs` threads (the calling thread included).
// Work is handed out in small chunks so uneven items balance out. Returns when all are done.
void parallel_for(size_t count, int jobs, const std::function<void(size_t index, int worker)>& body);

// The number of hardware threads, at least 1.
int default_jobs();

}  // namespace wegwijzer
