/* How much this machine charges for memory a process touches for the first time, for the build
 * benchmark. A build holds its corpus in memory (wegwijzer some 100 MB at 10,000 pages, Hugo over
 * a gigabyte), and on a virtual machine whose free memory goes back to the host (the balloon
 * driver's free page reporting), touching it again can cost far more than the work done in it.
 *
 * usage: first_touch MEGABYTES
 * Maps MEGABYTES of anonymous memory in 2 MB pages where the kernel offers them (as wegwijzer's
 * allocator does), writes one byte in every 4 KB and prints the time that took:
 *   ms=<wall milliseconds>
 *
 * Built by bench.py: cc -O2 first_touch.c
 */
#define _GNU_SOURCE

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char** argv) {
  if (argc != 2 || atoi(argv[1]) <= 0) {
    fprintf(stderr, "usage: first_touch MEGABYTES\n");
    return 2;
  }
  const size_t huge = (size_t)2 << 20;
  const size_t size = (size_t)atoi(argv[1]) << 20;
  char* map = mmap(NULL, size + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED) {
    perror("mmap");
    return 1;
  }
  /* Aligned to 2 MB, so that every 2 MB of it can be one huge page. */
  char* start = (char*)(((uintptr_t)map + huge - 1) & ~(uintptr_t)(huge - 1));
  madvise(start, size, MADV_HUGEPAGE); /* fails harmlessly where huge pages are off */
  double begin = now_ms();
  for (size_t i = 0; i < size; i += 4096) start[i] = 1;
  printf("ms=%.1f\n", now_ms() - begin);
  munmap(map, size + huge);
  return 0;
}
