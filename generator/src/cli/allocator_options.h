#pragma once

// The allocator settings every wegwijzer process uses: the CLI and the benchmarks that stand in
// for it (tests/bench/) call this first, so that they measure the allocator the tool runs with.
// Does nothing where the build has no mimalloc (WEGWIJZER_MIMALLOC unset).

#ifdef WEGWIJZER_MIMALLOC
#include <mimalloc.h>
#endif

namespace wegwijzer {

inline void set_allocator_options() {
#ifdef WEGWIJZER_MIMALLOC
  // 2 MB pages where the kernel offers them (transparent huge pages): a build touches a few
  // hundred megabytes, and faulting them in 4 KB at a time costs some 40,000 page faults.
  mi_option_enable(mi_option_large_os_pages);
  // By default each thread's first segment is committed piecemeal as it fills, and those pieces
  // are faulted in 4 KB at a time, outside the huge pages above. The build's worker threads live
  // for one build, so that first segment is most of what they use: committing it whole halves
  // the page faults of a two-thread build (14,600 to 7,800 on the 10,000-page corpus).
  mi_option_set(mi_option_eager_commit_delay, 0);
#endif
}

}  // namespace wegwijzer
