#include "util/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace wegwijzer {

void parallel_for(size_t count, int jobs, const std::function<void(size_t, int)>& body,
                  size_t chunk) {
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(count)));
  if (jobs <= 1) {
    for (size_t i = 0; i < count; ++i) body(i, 0);
    return;
  }
  const size_t step = std::max<size_t>(1, chunk);
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (;;) {
      size_t begin = next.fetch_add(step);
      if (begin >= count) return;
      size_t end = std::min(count, begin + step);
      for (size_t i = begin; i < end; ++i) body(i, worker);
    }
  };
  std::vector<std::thread> threads;
  for (int w = 1; w < jobs; ++w) threads.emplace_back(work, w);
  work(0);
  for (auto& t : threads) t.join();
}

int default_jobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace wegwijzer
