/* The cmark-gfm floor for the build benchmark: the time to parse and render the corpus's Markdown
 * bodies (front matter stripped) in one process, one thread, with the same options and extensions
 * as wegwijzer and no templates, no link checks, no writing. Reading the files is not timed.
 *
 * usage: floor LIST_FILE      (LIST_FILE: one Markdown path a line)
 * prints one line of key=value pairs: files, bytes (Markdown), html_bytes, and the parse, render and
 * total time in ms, both as CPU time of the thread (parse_cpu_ms ...) and as wall time (wall_ms).
 * CPU time is what run.sh reports as the floor: it holds up when other processes share the cores.
 *
 * Built by run.sh: cc -O2 floor.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions
 */
#define _POSIX_C_SOURCE 200809L

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Same as generator/src/markdown/markdown.cc. */
#define OPTIONS (CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8)
static const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tasklist",
                                          "tagfilter"};
#define EXTENSION_COUNT (sizeof kExtensions / sizeof kExtensions[0])

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

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s LIST_FILE\n", argv[0]);
    return 2;
  }
  FILE* list = fopen(argv[1], "r");
  if (!list) {
    perror(argv[1]);
    return 1;
  }
  size_t count = 0, cap = 1024, bytes = 0;
  Body* bodies = malloc(cap * sizeof *bodies);
  char line[4096];
  while (fgets(line, sizeof line, list)) {
    line[strcspn(line, "\n")] = 0;
    if (!line[0]) continue;
    if (count == cap) bodies = realloc(bodies, (cap *= 2) * sizeof *bodies);
    if (!read_file(line, &bodies[count].text, &bodies[count].size)) {
      perror(line);
      return 1;
    }
    strip_front_matter(&bodies[count]);
    bytes += bodies[count].size;
    ++count;
  }
  fclose(list);

  cmark_gfm_core_extensions_ensure_registered();
  cmark_syntax_extension* extensions[EXTENSION_COUNT];
  for (size_t i = 0; i < EXTENSION_COUNT; ++i) {
    extensions[i] = cmark_find_syntax_extension(kExtensions[i]);
    if (!extensions[i]) {
      fprintf(stderr, "cmark-gfm extension %s not found\n", kExtensions[i]);
      return 1;
    }
  }

  double parse_ms = 0, render_ms = 0;
  size_t html_bytes = 0;
  double wall0 = clock_ms(CLOCK_MONOTONIC);
  for (size_t i = 0; i < count; ++i) {
    double t0 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    cmark_parser* parser = cmark_parser_new(OPTIONS);
    for (size_t e = 0; e < EXTENSION_COUNT; ++e) {
      cmark_parser_attach_syntax_extension(parser, extensions[e]);
    }
    cmark_parser_feed(parser, bodies[i].text, bodies[i].size);
    cmark_node* document = cmark_parser_finish(parser);
    double t1 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    char* html = cmark_render_html(document, OPTIONS, cmark_parser_get_syntax_extensions(parser));
    html_bytes += strlen(html);
    free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    double t2 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    parse_ms += t1 - t0;
    render_ms += t2 - t1;
  }
  double wall_ms = clock_ms(CLOCK_MONOTONIC) - wall0;
  printf("files=%zu bytes=%zu html_bytes=%zu parse_cpu_ms=%.1f render_cpu_ms=%.1f total_cpu_ms=%.1f "
         "wall_ms=%.1f\n",
         count, bytes, html_bytes, parse_ms, render_ms, parse_ms + render_ms, wall_ms);
  for (size_t i = 0; i < count; ++i) free(bodies[i].text);
  free(bodies);
  return 0;
}
