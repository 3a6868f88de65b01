/* Another parser's floor, for comparison: md4c (https://github.com/mity/md4c, Debian's
 * libmd4c-html0-dev) parsing and rendering the same bodies as floor.c, with GitHub's dialect
 * (tables, strikethrough, autolinks, task lists; md4c has no footnotes). It shows what the
 * cmark-gfm floor owes to that library rather than to the work itself; html_hash tells whether
 * the two wrote the same bytes for this corpus.
 *
 * usage: md4c_floor LIST_FILE      (LIST_FILE: one Markdown path a line)
 * prints one line of key=value pairs: files, bytes (Markdown), html_bytes, html_hash (bodies.h, not
 * timed) and total_cpu_ms (parse and render, CPU time of the thread).
 *
 * Built by run.sh: cc -O2 md4c_floor.c $(pkg-config --cflags --libs md4c-html)
 */
#define _POSIX_C_SOURCE 200809L

#include <md4c-html.h>

#include "bodies.h"

typedef struct {
  char* data;
  size_t size;
  size_t cap;
} Html;

static void append(const MD_CHAR* text, MD_SIZE size, void* user) {
  Html* html = user;
  if (html->size + size > html->cap) {
    html->cap = (html->size + size) * 2;
    html->data = realloc(html->data, html->cap);
  }
  memcpy(html->data + html->size, text, size);
  html->size += size;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s LIST_FILE\n", argv[0]);
    return 2;
  }
  Bodies corpus = read_bodies(argv[1]);
  double total_ms = 0;
  size_t html_bytes = 0;
  uint64_t html_hash = HTML_HASH_START;
  for (size_t i = 0; i < corpus.count; ++i) {
    double t0 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    Html html = {NULL, 0, 0};
    int failed = md_html(corpus.items[i].text, (MD_SIZE)corpus.items[i].size, append, &html,
                         MD_DIALECT_GITHUB, 0);
    double t1 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    if (failed) {
      fprintf(stderr, "md4c failed on body %zu\n", i);
      return 1;
    }
    html_bytes += html.size;
    html_hash = html_hash_add(html_hash, html.data, html.size);
    double t2 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    free(html.data);
    total_ms += (t1 - t0) + (clock_ms(CLOCK_THREAD_CPUTIME_ID) - t2);
  }
  printf("files=%zu bytes=%zu html_bytes=%zu html_hash=%llu total_cpu_ms=%.1f\n", corpus.count,
         corpus.bytes, html_bytes, HTML_HASH_PRINTED(html_hash), total_ms);
  free_bodies(&corpus);
  return 0;
}
