#pragma once

// How every wegwijzer process sets up its allocator: the CLI and the benchmarks that stand in for
// it (tests/bench/) run their work through run_with_allocator, so that they measure the allocator
// the tool runs with. Without mimalloc (WEGWIJZER_MIMALLOC unset) it just runs the work.

#include <system_error>
#include <thread>
#include <utility>

#ifdef WEGWIJZER_MIMALLOC
#include <mimalloc.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>

#include <cstdint>
#endif

namespace wegwijzer {

#ifdef WEGWIJZER_MIMALLOC
// Address space for mimalloc, in 2 MB pages where the kernel offers them (transparent huge
// pages). A build touches some hundred megabytes; in 4 KB pages that is some 8,000 page faults
// for 10,000 pages, and in a virtual machine each costs several microseconds. mimalloc's own
// option for this (MIMALLOC_LARGE_OS_PAGES) is read once, before main, so setting it here would
// do nothing. Reserved, not used: the kernel gives memory only where it is touched. Marked as
// large pages, so mimalloc keeps it rather than handing freed parts back, which would lose the
// huge pages; a build ends soon, and `serve` keeps most of what it built anyway.
inline void give_mimalloc_huge_page_arena() {
  constexpr size_t kAlign = size_t{64} << 20;  // a multiple of mimalloc's segment alignment
  constexpr size_t kSize = size_t{4} << 30;    // beyond it, mimalloc asks the OS as usual
  void* p = mmap(nullptr, kSize + kAlign, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return;  // a limit on address space: mimalloc does without
  auto start =
      reinterpret_cast<void*>((reinterpret_cast<uintptr_t>(p) + kAlign - 1) & ~(kAlign - 1));
  madvise(start, kSize, MADV_HUGEPAGE);  // fails harmlessly where huge pages are off
  if (!mi_manage_os_memory(start, kSize, /*is_committed=*/true, /*is_large=*/true,
                           /*is_zero=*/true, /*numa_node=*/-1)) {
    munmap(p, kSize + kAlign);
  }
}
#endif

// Runs `work` and returns what it returns.
template <typename Work>
int run_with_allocator(Work&& work) {
#ifdef WEGWIJZER_MIMALLOC
  // The worker threads of a build live for one build, and most of what they use is their first
  // segment: committed whole, not piecemeal as it fills (piecemeal, even in the arena below, it
  // is faulted in 4 KB at a time: 8,500 faults at 10,000 pages instead of 700).
  mi_option_set(mi_option_eager_commit_delay, 0);
  give_mimalloc_huge_page_arena();
  // On a thread of its own: the main thread's first segment was taken from the OS before main,
  // outside the arena, and would serve all its allocations (the listing, every page's record).
  // The main thread, only waiting, blocks every signal, so that a signal sent to the process
  // reaches the command's thread as it would have reached the main thread: `serve` takes SIGINT
  // and SIGTERM with sigwait() there, and a build still ends at Ctrl+C.
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &previous);
  int result = 0;
  try {
    std::thread thread([&] {
      pthread_sigmask(SIG_SETMASK, &previous, nullptr);
      result = work();
    });
    thread.join();
  } catch (const std::system_error&) {  // no thread to be had (a limit on processes): run here
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return work();
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return result;
#else
  return std::forward<Work>(work)();
#endif
}

}  // namespace wegwijzer
