/* What the two parser floors share (floor.c, md4c_floor.c): the corpus's Markdown bodies read
 * into memory with their front matter dropped, a thread CPU clock, and a hash of the HTML they
 * make, so that the benchmark can tell whether two parsers wrote the same bytes. */
#ifndef WEGWIJZER_BENCH_BODIES_H
#define WEGWIJZER_BENCH_BODIES_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
  char* text;
  size_t size;
} Body;

static double clock_ms(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The whole file in one buffer of its size: one open, fstat and read, as wegwijzer reads. */
/* The whole file into *buffer, made larger (to the file's size) where it is smaller than
 * *capacity says: one open, fstat and read, as wegwijzer reads. 0 on failure. */
static int read_into(const char* path, char** buffer, size_t* capacity, size_t* size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    if (fd >= 0) close(fd);
    return 0;
  }
  if (!*buffer || (size_t)st.st_size > *capacity) {
    *capacity = st.st_size ? st.st_size : 1;
    char* larger = realloc(*buffer, *capacity);
    if (!larger) {
      close(fd);
      return 0;
    }
    *buffer = larger;
  }
  size_t len = 0;
  ssize_t n = 1;
  while (len < (size_t)st.st_size && (n = read(fd, *buffer + len, st.st_size - len)) > 0) len += n;
  close(fd);
  *size = len;
  return n >= 0;
}

/* The whole file in a buffer of its own, of its size. */
static int read_file(const char* path, char** out, size_t* size) {
  char* buffer = NULL;
  size_t capacity = 0;
  if (read_into(path, &buffer, &capacity, size)) {
    *out = buffer;
    return 1;
  }
  free(buffer);
  return 0;
}

/* The length of a leading "---\n ... \n---\n" block in `text`, 0 when there is none: what the
 * generator's front-matter reader takes off before the body. */
static size_t front_matter_size(const char* text, size_t size) {
  if (size < 4 || memcmp(text, "---\n", 4) != 0) return 0;
  for (size_t i = 3; i + 5 <= size; ++i) {
    if (memcmp(text + i, "\n---\n", 5) == 0) return i + 5;
  }
  return 0;
}

/* Drops the front matter from the body. */
static void strip_front_matter(Body* b) {
  size_t skip = front_matter_size(b->text, b->size);
  memmove(b->text, b->text + skip, b->size - skip);
  b->size -= skip;
}

typedef struct {
  Body* items;
  size_t count;
  size_t bytes;
} Bodies;

/* The file of `path` into `body`, front matter dropped; exits with a message on failure. */
static void read_body(const char* path, Body* body) {
  if (!read_file(path, &body->text, &body->size)) {
    perror(path);
    exit(1);
  }
  strip_front_matter(body);
}

/* The paths LIST_FILE names, one a line, as a NULL-terminated array; exits on failure. */
static char** read_list(const char* list_path, size_t* count) {
  FILE* list = fopen(list_path, "r");
  if (!list) {
    perror(list_path);
    exit(1);
  }
  size_t cap = 1024;
  char** paths = malloc((cap + 1) * sizeof *paths);
  char line[4096];
  *count = 0;
  while (fgets(line, sizeof line, list)) {
    line[strcspn(line, "\n")] = 0;
    if (!line[0]) continue;
    if (*count == cap) paths = realloc(paths, ((cap *= 2) + 1) * sizeof *paths);
    paths[(*count)++] = strdup(line);
  }
  fclose(list);
  paths[*count] = NULL;
  return paths;
}

static void free_list(char** paths) {
  for (char** p = paths; *p; ++p) free(*p);
  free(paths);
}

/* The bodies of the files LIST_FILE names, read one after another. */
static inline Bodies read_bodies(const char* list_path) {
  Bodies b = {NULL, 0, 0};
  char** paths = read_list(list_path, &b.count);
  b.items = malloc((b.count ? b.count : 1) * sizeof(Body));
  for (size_t i = 0; i < b.count; ++i) {
    read_body(paths[i], &b.items[i]);
    b.bytes += b.items[i].size;
  }
  free_list(paths);
  return b;
}

static inline void free_bodies(Bodies* b) {
  for (size_t i = 0; i < b->count; ++i) free(b->items[i].text);
  free(b->items);
}

/* FNV-1a over all HTML in order, cut to 48 bits so that it prints as an exact decimal number. */
static inline uint64_t html_hash_add(uint64_t hash, const char* html, size_t size) {
  for (size_t i = 0; i < size; ++i) hash = (hash ^ (unsigned char)html[i]) * 1099511628211ULL;
  return hash;
}
#define HTML_HASH_START 14695981039346656037ULL
#define HTML_HASH_PRINTED(hash) ((unsigned long long)((hash)&0xFFFFFFFFFFFFULL))

#endif
