/* The write floor for the build benchmark: what the kernel charges for creating a built site's
 * folders and files on this disk, with nothing computed. The cmark-gfm floor (floor.c) leaves
 * writing out; this is the other half of what any generator must pay for the same output.
 *
 * usage: write_floor LIST_FILE OUT_DIR THREADS
 * LIST_FILE holds one entry a line, parents before children, each top-level folder's entries
 * together: "d PATH" for a folder, "f SIZE PATH" for a file of SIZE bytes. Paths are relative to
 * OUT_DIR, which must not exist yet. The top-level subtrees are shared out among THREADS threads
 * the way wegwijzer shares out its page groups: whichever thread is free takes the next one.
 * Every file is opened, written in one write() and closed, as wegwijzer does.
 * prints one line of key=value pairs: dirs, files, bytes, wall_ms, user_ms, sys_ms.
 *
 * Built by bench.py: cc -O2 -pthread write_floor.c
 */
#define _GNU_SOURCE

#include <errno.h>
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

typedef struct {
  char kind;  /* 'd' or 'f' */
  size_t size;
  char* path;
} Entry;

static Entry* entries;
static size_t entry_count;
static size_t* subtree_starts; /* index of each top-level subtree's first entry, plus the end */
static size_t subtree_count;
static atomic_size_t next_subtree;
static int out_fd;
static char* payload;
static atomic_int failed;

static double ms(struct timeval tv) { return tv.tv_sec * 1e3 + tv.tv_usec / 1e3; }

static void* work(void* unused) {
  (void)unused;
  for (;;) {
    size_t s = atomic_fetch_add(&next_subtree, 1);
    if (s >= subtree_count) return NULL;
    for (size_t i = subtree_starts[s]; i < subtree_starts[s + 1]; ++i) {
      const Entry* e = &entries[i];
      if (e->kind == 'd') {
        if (mkdirat(out_fd, e->path, 0755) != 0 && errno != EEXIST) {
          perror(e->path);
          atomic_store(&failed, 1);
        }
        continue;
      }
      int fd = openat(out_fd, e->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0 || write(fd, payload, e->size) != (ssize_t)e->size) {
        perror(e->path);
        atomic_store(&failed, 1);
      }
      if (fd >= 0) close(fd);
    }
  }
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: write_floor LIST_FILE OUT_DIR THREADS\n");
    return 2;
  }
  FILE* list = fopen(argv[1], "r");
  if (!list) {
    perror(argv[1]);
    return 1;
  }
  size_t capacity = 1024, largest = 1, dirs = 0, files = 0, bytes = 0;
  entries = malloc(capacity * sizeof *entries);
  subtree_starts = malloc((capacity + 1) * sizeof *subtree_starts);
  char line[4096];
  while (fgets(line, sizeof line, list)) {
    line[strcspn(line, "\n")] = '\0';
    if (line[0] == '\0') continue;
    if (entry_count == capacity) {
      capacity *= 2;
      entries = realloc(entries, capacity * sizeof *entries);
      subtree_starts = realloc(subtree_starts, (capacity + 1) * sizeof *subtree_starts);
    }
    Entry e = {line[0], 0, NULL};
    char* rest = line + 2;
    if (e.kind == 'f') {
      e.size = strtoull(rest, &rest, 10);
      ++rest;
      if (e.size > largest) largest = e.size;
      ++files;
      bytes += e.size;
    } else {
      ++dirs;
    }
    e.path = strdup(rest);
    /* A new subtree starts wherever the first path segment changes. */
    size_t top = strcspn(e.path, "/");
    const char* prev = entry_count ? entries[entry_count - 1].path : NULL;
    if (!prev || strcspn(prev, "/") != top || strncmp(prev, e.path, top) != 0) {
      subtree_starts[subtree_count++] = entry_count;
    }
    entries[entry_count++] = e;
  }
  fclose(list);
  subtree_starts[subtree_count] = entry_count;
  payload = malloc(largest);
  memset(payload, 'x', largest);
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
  printf("dirs=%zu files=%zu bytes=%zu wall_ms=%.1f user_ms=%.1f sys_ms=%.1f\n", dirs, files, bytes,
         (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6, ms(after.ru_utime) - ms(before.ru_utime),
         ms(after.ru_stime) - ms(before.ru_stime));
  return atomic_load(&failed);
}
