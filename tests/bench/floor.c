/* The cmark-gfm floor for the build benchmark: the time to parse and render the corpus's Markdown
 * bodies (front matter stripped) in one process, one thread, with the same options and extensions
 * as wegwijzer and no templates, no link checks, no writing. Reading the files is not timed.
 *
 * usage: floor LIST_FILE      (LIST_FILE: one Markdown path a line)
 * prints one line of key=value pairs: files, bytes (Markdown), html_bytes, html_hash (bodies.h, not
 * timed), and the parse, render and total time in ms, both as CPU time of the thread
 * (parse_cpu_ms ...) and as wall time (wall_ms).
 * CPU time is what run.sh reports as the floor: it holds up when other processes share the cores.
 *
 * Built by run.sh: cc -O2 floor.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions
 */
#define _POSIX_C_SOURCE 200809L

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "bodies.h"

/* Same as generator/src/markdown/markdown.cc. */
#define OPTIONS (CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8)
static const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tasklist",
                                          "tagfilter"};
#define EXTENSION_COUNT (sizeof kExtensions / sizeof kExtensions[0])

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s LIST_FILE\n", argv[0]);
    return 2;
  }
  Bodies corpus = read_bodies(argv[1]);
  Body* bodies = corpus.items;
  size_t count = corpus.count, bytes = corpus.bytes;

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
  uint64_t html_hash = HTML_HASH_START;
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
    size_t html_size = strlen(html);
    html_bytes += html_size;
    double hash_start = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    html_hash = html_hash_add(html_hash, html, html_size);
    double hash_ms = clock_ms(CLOCK_THREAD_CPUTIME_ID) - hash_start;  // not the floor's work
    free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    double t2 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    parse_ms += t1 - t0;
    render_ms += t2 - t1 - hash_ms;
  }
  double wall_ms = clock_ms(CLOCK_MONOTONIC) - wall0;
  printf(
      "files=%zu bytes=%zu html_bytes=%zu html_hash=%llu parse_cpu_ms=%.1f render_cpu_ms=%.1f "
      "total_cpu_ms=%.1f wall_ms=%.1f\n",
      count, bytes, html_bytes, HTML_HASH_PRINTED(html_hash), parse_ms, render_ms,
      parse_ms + render_ms, wall_ms);
  free_bodies(&corpus);
  return 0;
}
