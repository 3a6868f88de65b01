/* The cmark-gfm floor for the build benchmark: the time to parse and render the corpus's Markdown
 * bodies (front matter stripped) with the same options and extensions as wegwijzer and no
 * templates, no link checks, no writing. Reading the files is timed apart from it, once.
 *
 * usage: floor LIST_FILE [THREADS]      (LIST_FILE: one Markdown path a line; THREADS: 1)
 * prints one line of key=value pairs: threads, files, bytes (Markdown), html_bytes, html_hash
 * (bodies.h, one thread only, not timed), the parse, render and total time in ms as CPU time of
 * the threads (parse_cpu_ms ...), the wall time of the parsing and rendering (wall_ms), and the
 * wall and CPU time (user + system, all threads) of the read floor before it (read_wall_ms,
 * read_cpu_ms; read_files below).
 * One thread's CPU time is what bench.py reports as the floor: it holds up when other processes
 * share the cores. With THREADS > 1 the files and then the bodies are shared out the way
 * wegwijzer shares out its pages, whichever thread is free taking the next few, and the wall
 * times then say how far the same work speeds up on this machine's cores with nothing else to
 * do: what limits a build's --jobs speedup.
 *
 * Built by bench.py: cc -O2 -pthread floor.c $(pkg-config --cflags --libs libcmark-gfm)
 *                    -lcmark-gfm-extensions
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdatomic.h>
#include <sys/resource.h>

#include "bodies.h"
#include "cmark_setup.h"

/* Bodies a thread takes at a time: few enough that the threads finish together. */
#define BATCH 8
#define MAX_THREADS 256

static Bodies corpus;
static char** paths;
static size_t file_count;
static atomic_size_t next_file, next_body;

typedef struct {
  int hash; /* hash the HTML in order: only when one thread renders all bodies */
  double parse_ms, render_ms, hash_ms;
  size_t html_bytes;
  uint64_t html_hash;
} Work;

static void render_one(const Body* body, Work* w) {
  double t0 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
  cmark_parser* parser = new_parser();
  cmark_parser_feed(parser, body->text, body->size);
  cmark_node* document = cmark_parser_finish(parser);
  double t1 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
  char* html = cmark_render_html(document, OPTIONS, cmark_parser_get_syntax_extensions(parser));
  size_t html_size = strlen(html);
  w->html_bytes += html_size;
  double hash_ms = 0;
  if (w->hash) {
    double hash_start = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    w->html_hash = html_hash_add(w->html_hash, html, html_size);
    hash_ms = clock_ms(CLOCK_THREAD_CPUTIME_ID) - hash_start;  // not the floor's work
  }
  free(html);
  cmark_node_free(document);
  cmark_parser_free(parser);
  double t2 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
  w->parse_ms += t1 - t0;
  w->render_ms += t2 - t1 - hash_ms;
  w->hash_ms += hash_ms;
}

/* The read floor: every file read once into a buffer of the thread's own, used again for the
 * next file, so that what is timed is the kernel's work of reading and not the first touch of
 * fresh memory (first_touch.c measures that). */
static void* read_files(void* unused) {
  (void)unused;
  size_t capacity = 1 << 20;
  char* buffer = malloc(capacity);
  memset(buffer, 0, capacity);
  for (;;) {
    size_t first = atomic_fetch_add(&next_file, BATCH);
    if (first >= file_count) break;
    size_t end = first + BATCH < file_count ? first + BATCH : file_count;
    for (size_t i = first; i < end; ++i) {
      size_t size;
      if (!read_into(paths[i], &buffer, &capacity, &size)) {
        perror(paths[i]);
        exit(1);
      }
    }
  }
  free(buffer);
  return NULL;
}

static void* render_bodies(void* arg) {
  Work* w = arg;
  for (;;) {
    size_t first = atomic_fetch_add(&next_body, BATCH);
    if (first >= corpus.count) return NULL;
    size_t end = first + BATCH < corpus.count ? first + BATCH : corpus.count;
    for (size_t i = first; i < end; ++i) render_one(&corpus.items[i], w);
  }
}

/* Runs task(args[t]) on `threads` threads, this one included; the wall time in ms. */
static double run_on_threads(int threads, void* (*task)(void*), void* args[]) {
  pthread_t pool[MAX_THREADS];
  double start = clock_ms(CLOCK_MONOTONIC);
  for (int t = 1; t < threads; ++t) pthread_create(&pool[t], NULL, task, args[t]);
  task(args[0]);
  for (int t = 1; t < threads; ++t) pthread_join(pool[t], NULL);
  return clock_ms(CLOCK_MONOTONIC) - start;
}

static double process_cpu_ms(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
         (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

int main(int argc, char** argv) {
  int threads = argc == 3 ? atoi(argv[2]) : 1;
  if (argc < 2 || argc > 3 || threads < 1 || threads > MAX_THREADS) {
    fprintf(stderr, "usage: %s LIST_FILE [THREADS]\n", argv[0]);
    return 2;
  }
  if (!find_extensions()) return 1;
  paths = read_list(argv[1], &file_count);
  void* none[MAX_THREADS] = {NULL};
  double read_cpu_ms = process_cpu_ms();
  double read_wall_ms = run_on_threads(threads, read_files, none);
  read_cpu_ms = process_cpu_ms() - read_cpu_ms;
  corpus = read_bodies(argv[1]);  // kept in memory for the parsers, not timed

  static Work work[MAX_THREADS];
  void* args[MAX_THREADS];
  for (int t = 0; t < threads; ++t) args[t] = &work[t];
  work[0].hash = threads == 1;
  work[0].html_hash = HTML_HASH_START;
  /* The hashing is on the one thread's clock, so it comes off the wall time as well. */
  double wall_ms = run_on_threads(threads, render_bodies, args) - work[0].hash_ms;

  Work sum = {0};
  for (int t = 0; t < threads; ++t) {
    sum.parse_ms += work[t].parse_ms;
    sum.render_ms += work[t].render_ms;
    sum.html_bytes += work[t].html_bytes;
  }
  printf(
      "threads=%d files=%zu bytes=%zu html_bytes=%zu html_hash=%llu parse_cpu_ms=%.1f "
      "render_cpu_ms=%.1f total_cpu_ms=%.1f wall_ms=%.1f read_wall_ms=%.1f read_cpu_ms=%.1f\n",
      threads, corpus.count, corpus.bytes, sum.html_bytes,
      threads == 1 ? HTML_HASH_PRINTED(work[0].html_hash) : 0ULL, sum.parse_ms, sum.render_ms,
      sum.parse_ms + sum.render_ms, wall_ms, read_wall_ms, read_cpu_ms);
  free_bodies(&corpus);
  free_list(paths);
  return 0;
}
