#pragma once

#include <cstddef>
#include <functional>

namespace wegwijzer {

// Runs body(i) for every i in [0, count) on up to `jobs` threads (the calling thread included).
// Work is handed out `chunk` items at a time (in order), so uneven items balance out. Returns when
// all are done.
void parallel_for(size_t count, int jobs, const std::function<void(size_t index, int worker)>& body,
                  size_t chunk = 16);

// The number of hardware threads, at least 1.
int default_jobs();

}  // namespace wegwijzer
