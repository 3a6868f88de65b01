/* What the two parser floors share (floor.c, md4c_floor.c): the corpus's Markdown bodies read
 * into memory with their front matter dropped, a thread CPU clock, and a hash of the HTML they
 * make, so that the benchmark can tell whether two parsers wrote the same bytes. */
#ifndef WEGWIJZER_BENCH_BODIES_H
#define WEGWIJZER_BENCH_BODIES_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  char* text;
  size_t size;
} Body;

static double clock_ms(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int read_file(const char* path, char** out, size_t* size) {
  FILE* f = fopen(path, "rb");
  if (!f) return 0;
  size_t cap = 16384, len = 0;
  char* buf = malloc(cap);
  size_t n;
  while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  *out = buf;
  *size = len;
  return 1;
}

/* Drops a leading "---\n ... \n---\n" block, as the generator's front-matter reader does. */
static void strip_front_matter(Body* b) {
  if (b->size < 4 || memcmp(b->text, "---\n", 4) != 0) return;
  for (size_t i = 3; i + 5 <= b->size; ++i) {
    if (memcmp(b->text + i, "\n---\n", 5) == 0) {
      size_t skip = i + 5;
      memmove(b->text, b->text + skip, b->size - skip);
      b->size -= skip;
      return;
    }
  }
}

typedef struct {
  Body* items;
  size_t count;
  size_t bytes;
} Bodies;

/* The bodies of the files LIST_FILE names, one path a line; exits with a message on failure. */
static Bodies read_bodies(const char* list_path) {
  FILE* list = fopen(list_path, "r");
  if (!list) {
    perror(list_path);
    exit(1);
  }
  size_t cap = 1024;
  Bodies b = {malloc(cap * sizeof(Body)), 0, 0};
  char line[4096];
  while (fgets(line, sizeof line, list)) {
    line[strcspn(line, "\n")] = 0;
    if (!line[0]) continue;
    if (b.count == cap) b.items = realloc(b.items, (cap *= 2) * sizeof(Body));
    if (!read_file(line, &b.items[b.count].text, &b.items[b.count].size)) {
      perror(line);
      exit(1);
    }
    strip_front_matter(&b.items[b.count]);
    b.bytes += b.items[b.count].size;
    ++b.count;
  }
  fclose(list);
  return b;
}

static void free_bodies(Bodies* b) {
  for (size_t i = 0; i < b->count; ++i) free(b->items[i].text);
  free(b->items);
}

/* FNV-1a over all HTML in order, cut to 48 bits so that it prints as an exact decimal number. */
static uint64_t html_hash_add(uint64_t hash, const char* html, size_t size) {
  for (size_t i = 0; i < size; ++i) hash = (hash ^ (unsigned char)html[i]) * 1099511628211ULL;
  return hash;
}
#define HTML_HASH_START 14695981039346656037ULL
#define HTML_HASH_PRINTED(hash) ((unsigned long long)((hash)&0xFFFFFFFFFFFFULL))

#endif
