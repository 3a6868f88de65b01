/* What the two floors that write share (write_floor.c, pipeline_floor.c): the listing of a built
 * site that bench.py makes, one entry a line, parents before children, each top-level folder's
 * entries together: "d PATH" for a folder, "f SIZE PATH" for a file of SIZE bytes. The top-level
 * subtrees are what the threads share out, the way wegwijzer shares out its page groups. */
#ifndef WEGWIJZER_BENCH_OUTPUT_LIST_H
#define WEGWIJZER_BENCH_OUTPUT_LIST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#endif
