/* What the two floors that write share (write_floor.c, pipeline_floor.c): the listing of a built
 * site that bench.py makes, one entry a line, parents before children, each top-level folder's
 * entries together: "d PATH" for a folder, "f SIZE PATH" for a file of SIZE bytes. The top-level
 * subtrees are what the threads share out, the way wegwijzer shares out its page groups. */
#ifndef WEGWIJZER_BENCH_OUTPUT_LIST_H
#define WEGWIJZER_BENCH_OUTPUT_LIST_H

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

typedef struct {
  char kind; /* 'd' or 'f' */
  size_t size;
  char* path;
} Entry;

typedef struct {
  Entry* entries;
  size_t count;
  size_t* subtree_starts; /* index of each top-level subtree's first entry, plus the end */
  size_t subtree_count;
  size_t dirs, files, bytes, largest;
} OutputList;

/* The listing in LIST_FILE; exits with a message when it cannot be read. */
static OutputList read_output_list(const char* list_path) {
  FILE* list = fopen(list_path, "r");
  if (!list) {
    perror(list_path);
    exit(1);
  }
  OutputList out = {NULL, 0, NULL, 0, 0, 0, 0, 1};
  size_t capacity = 1024;
  out.entries = malloc(capacity * sizeof *out.entries);
  out.subtree_starts = malloc((capacity + 1) * sizeof *out.subtree_starts);
  char line[4096];
  while (fgets(line, sizeof line, list)) {
    line[strcspn(line, "\n")] = '\0';
    if (line[0] == '\0') continue;
    if (out.count == capacity) {
      capacity *= 2;
      out.entries = realloc(out.entries, capacity * sizeof *out.entries);
      out.subtree_starts = realloc(out.subtree_starts, (capacity + 1) * sizeof *out.subtree_starts);
    }
    Entry e = {line[0], 0, NULL};
    char* rest = line + 2;
    if (e.kind == 'f') {
      e.size = strtoull(rest, &rest, 10);
      ++rest;
      if (e.size > out.largest) out.largest = e.size;
      ++out.files;
      out.bytes += e.size;
    } else {
      ++out.dirs;
    }
    e.path = strdup(rest);
    /* A new subtree starts wherever the first path segment changes. */
    size_t top = strcspn(e.path, "/");
    const char* prev = out.count ? out.entries[out.count - 1].path : NULL;
    if (!prev || strcspn(prev, "/") != top || strncmp(prev, e.path, top) != 0) {
      out.subtree_starts[out.subtree_count++] = out.count;
    }
    out.entries[out.count++] = e;
  }
  fclose(list);
  out.subtree_starts[out.subtree_count] = out.count;
  return out;
}

/* A file below out_fd made of `parts`, `size` bytes in all: one open, one write (writev for more
 * than one part) and close, as wegwijzer writes. 0 on failure. */
static int write_file_at(int out_fd, const char* path, const struct iovec* parts, int count,
                         size_t size) {
  int fd = openat(out_fd, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return 0;
  ssize_t n =
      count == 1 ? write(fd, parts[0].iov_base, parts[0].iov_len) : writev(fd, parts, count);
  close(fd);
  return n == (ssize_t)size;
}

/* One thread's share of writing the listing below out_fd: it takes whichever subtree is next
 * (`next` is shared by the threads), makes its folders and hands each file to write_file (the
 * entry's index, the entry, out_fd), which returns 0 on failure. 0 when anything failed, each
 * failure said on stderr. */
static int write_subtrees(const OutputList* listing, atomic_size_t* next, int out_fd,
                          int (*write_file)(size_t, const Entry*, int)) {
  int ok = 1;
  for (;;) {
    size_t s = atomic_fetch_add(next, 1);
    if (s >= listing->subtree_count) return ok;
    for (size_t i = listing->subtree_starts[s]; i < listing->subtree_starts[s + 1]; ++i) {
      const Entry* e = &listing->entries[i];
      int done = e->kind == 'd' ? mkdirat(out_fd, e->path, 0755) == 0 || errno == EEXIST
                                : write_file(i, e, out_fd);
      if (!done) {
        perror(e->path);
        ok = 0;
      }
    }
  }
}

#endif
