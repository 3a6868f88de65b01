/* The write floor for the build benchmark: what the kernel charges for creating a built site's
 * folders and files on this disk, with nothing computed. The cmark-gfm floor (floor.c) leaves
 * writing out; this is the other half of what any generator must pay for the same output.
 *
 * usage: write_floor LIST_FILE OUT_DIR THREADS
 * LIST_FILE is bench.py's listing of the build's output (output_list.h); paths are relative to
 * OUT_DIR, which must not exist yet. The top-level subtrees are shared out among THREADS threads
 * the way wegwijzer shares out its page groups: whichever thread is free takes the next one.
 * Every file is opened, written in one write() and closed, as wegwijzer does.
 * prints one line of key=value pairs: dirs, files, bytes, wall_ms, user_ms, sys_ms.
 *
 * Built by bench.py: cc -O2 -pthread write_floor.c
 */
#define _GNU_SOURCE

#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "output_list.h"

static OutputList listing;
static atomic_size_t next_subtree;
static int out_fd;
static char* payload;
static atomic_int failed;

static double ms(struct timeval tv) {
  return tv.tv_sec * 1e3 + tv.tv_usec / 1e3;
}

static int write_payload(size_t index, const Entry* e, int fd) {
  (void)index;
  struct iovec all = {payload, e->size};
  return write_file_at(fd, e->path, &all, 1, e->size);
}

static void* work(void* unused) {
  (void)unused;
  if (!write_subtrees(&listing, &next_subtree, out_fd, write_payload)) atomic_store(&failed, 1);
  return NULL;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: write_floor LIST_FILE OUT_DIR THREADS\n");
    return 2;
  }
  listing = read_output_list(argv[1]);
  payload = malloc(listing.largest);
  memset(payload, 'x', listing.largest);
  int threads = atoi(argv[3]);
  if (threads < 1) threads = 1;

  struct rusage before, after;
  getrusage(RUSAGE_SELF, &before);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (mkdir(argv[2], 0755) != 0 || (out_fd = open(argv[2], O_DIRECTORY | O_CLOEXEC)) < 0) {
    perror(argv[2]);
    return 1;
  }
  pthread_t* pool = malloc(threads * sizeof *pool);
  for (int t = 1; t < threads; ++t) pthread_create(&pool[t], NULL, work, NULL);
  work(NULL);
  for (int t = 1; t < threads; ++t) pthread_join(pool[t], NULL);
  close(out_fd);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  getrusage(RUSAGE_SELF, &after);
  printf("dirs=%zu files=%zu bytes=%zu wall_ms=%.1f user_ms=%.1f sys_ms=%.1f\n", listing.dirs,
         listing.files, listing.bytes,
         (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6,
         ms(after.ru_utime) - ms(before.ru_utime), ms(after.ru_stime) - ms(before.ru_stime));
  return atomic_load(&failed);
}
