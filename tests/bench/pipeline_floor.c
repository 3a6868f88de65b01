/* The pipeline floor for the build benchmark: the least a build of the corpus does, done in one
 * program the way a build does it, so that its wall time on one thread and on several measures
 * what this machine allows a build: the separate floors (floor.c, write_floor.c) each run alone,
 * in conditions kinder than a build's (the read floor reuses one buffer, the cmark-gfm floor
 * parses bodies already in memory), and the ideal assumes their CPU time spreads over the cores
 * without loss.
 *
 * usage: pipeline_floor MARKDOWN_LIST OUTPUT_LIST OUT_DIR THREADS
 * MARKDOWN_LIST names the Markdown files, one a line (as for floor.c); OUTPUT_LIST is bench.py's
 * listing of a wegwijzer build of them (output_list.h); OUT_DIR must not exist yet.
 *   1. Every Markdown file is read into memory of its own and kept to the end, as a generator
 *      keeps its pages: no page can be written before every page's front matter is known.
 *      The memory comes in 2 MB pages where the kernel offers them, as wegwijzer's does, handed
 *      out one after another with nothing freed: the cheapest way to hold the corpus.
 *   2. The output's top-level folders are shared out among the threads the way wegwijzer shares
 *      out its page groups. Every folder is made; every index.html gets the next body, front
 *      matter skipped, parsed and rendered by cmark-gfm (floor.c's options and extensions) and
 *      written in one writev() padded to the size wegwijzer's page has; every other file is
 *      written at its size. So the same folders, files and bytes as the build.
 * Nothing else: no front matter read, no templates, no links, no search, no manifest.
 * Prints one line of key=value pairs: threads, pages, files, dirs, bytes (written), html_bytes,
 * read_wall_ms, wall_ms (both phases, from the start of main), user_ms, sys_ms (the whole
 * process). bench.py times the process from outside as well, as it times the builds.
 *
 * Built by bench.py: cc -O2 -pthread pipeline_floor.c $(pkg-config --cflags --libs libcmark-gfm)
 *                    -lcmark-gfm-extensions
 */
#define _GNU_SOURCE

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/uio.h>

#include "bodies.h"
#include "cmark_setup.h"
#include "output_list.h"

#define BATCH 8 /* files a thread takes at a time in phase 1, as floor.c */
#define MAX_THREADS 256
#define ARENA_SIZE \
  ((size_t)16 << 30) /* address space a thread may fill; only what is used counts */
#define NOT_A_PAGE SIZE_MAX

static char** paths;
static size_t path_count;
static Body* bodies;
static OutputList listing;
static size_t* body_of_entry; /* the body an index.html gets, or NOT_A_PAGE */
static char* padding;
static int out_fd;
static atomic_size_t next_file, next_subtree, html_bytes;
static atomic_int failed;

static void fail_on(const char* what) {
  perror(what);
  atomic_store(&failed, 1);
}

/* One thread's memory for the bodies it reads. */
typedef struct {
  char* next;
  char* end;
} Arena;

static int new_arena(Arena* a) {
  void* p = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return 0;
  madvise(p, ARENA_SIZE, MADV_HUGEPAGE); /* fails harmlessly where huge pages are off */
  a->next = p;
  a->end = (char*)p + ARENA_SIZE;
  return 1;
}

/* The file into the arena, as wegwijzer reads it (open, fstat, read, close); its front matter
 * is skipped by pointer, as wegwijzer keeps an offset. */
static int read_body_into(const char* path, Arena* a, Body* body) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || (size_t)st.st_size > (size_t)(a->end - a->next)) {
    if (fd >= 0) close(fd);
    return 0;
  }
  size_t size = 0;
  ssize_t n = 1;
  while (size < (size_t)st.st_size && (n = read(fd, a->next + size, st.st_size - size)) > 0) {
    size += (size_t)n;
  }
  close(fd);
  if (n < 0) return 0;
  size_t skip = front_matter_size(a->next, size);
  body->text = a->next + skip;
  body->size = size - skip;
  a->next += (size + 63) & ~(size_t)63;
  return 1;
}

static void* read_files(void* unused) {
  (void)unused;
  Arena arena;
  if (!new_arena(&arena)) {
    fail_on("mmap");
    return NULL;
  }
  for (;;) {
    size_t first = atomic_fetch_add(&next_file, BATCH);
    if (first >= path_count) return NULL;
    size_t end = first + BATCH < path_count ? first + BATCH : path_count;
    for (size_t i = first; i < end; ++i) {
      if (!read_body_into(paths[i], &arena, &bodies[i])) fail_on(paths[i]);
    }
  }
}

/* One page: its body rendered and written at the size the build's page has. */
static int write_page(const Entry* e, const Body* body, int fd) {
  cmark_parser* parser = new_parser();
  cmark_parser_feed(parser, body->text, body->size);
  cmark_node* document = cmark_parser_finish(parser);
  char* html = cmark_render_html(document, OPTIONS, cmark_parser_get_syntax_extensions(parser));
  size_t html_size = strlen(html);
  atomic_fetch_add(&html_bytes, html_size);
  size_t used = html_size < e->size ? html_size : e->size;
  struct iovec parts[2] = {{html, used}, {padding, e->size - used}};
  int ok = write_file_at(fd, e->path, parts, 2, e->size);
  free(html);
  cmark_node_free(document);
  cmark_parser_free(parser);
  return ok;
}

/* A page gets the next body; any other file is written at its size. */
static int write_one(size_t index, const Entry* e, int fd) {
  if (body_of_entry[index] != NOT_A_PAGE) return write_page(e, &bodies[body_of_entry[index]], fd);
  struct iovec all = {padding, e->size};
  return write_file_at(fd, e->path, &all, 1, e->size);
}

static void* render_and_write(void* unused) {
  (void)unused;
  if (!write_subtrees(&listing, &next_subtree, out_fd, write_one)) atomic_store(&failed, 1);
  return NULL;
}

/* Runs task on `threads` threads, this one included; the wall time in ms. */
static double run_on_threads(int threads, void* (*task)(void*)) {
  pthread_t pool[MAX_THREADS];
  double start = clock_ms(CLOCK_MONOTONIC);
  for (int t = 1; t < threads; ++t) pthread_create(&pool[t], NULL, task, NULL);
  task(NULL);
  for (int t = 1; t < threads; ++t) pthread_join(pool[t], NULL);
  return clock_ms(CLOCK_MONOTONIC) - start;
}

/* Gives the index.html files the bodies in turn; the number of pages. */
static size_t assign_bodies(void) {
  body_of_entry = malloc((listing.count ? listing.count : 1) * sizeof *body_of_entry);
  size_t pages = 0;
  for (size_t i = 0; i < listing.count; ++i) {
    const char* p = listing.entries[i].path;
    size_t n = strlen(p);
    int page = listing.entries[i].kind == 'f' && n >= 10 && strcmp(p + n - 10, "index.html") == 0 &&
               (n == 10 || p[n - 11] == '/');
    body_of_entry[i] = page && path_count ? pages++ % path_count : NOT_A_PAGE;
  }
  return pages;
}

static double ms_of(struct timeval tv) {
  return tv.tv_sec * 1e3 + tv.tv_usec / 1e3;
}

int main(int argc, char** argv) {
  double start = clock_ms(CLOCK_MONOTONIC);
  int threads = argc == 5 ? atoi(argv[4]) : 0;
  if (argc != 5 || threads < 1 || threads > MAX_THREADS) {
    fprintf(stderr, "usage: pipeline_floor MARKDOWN_LIST OUTPUT_LIST OUT_DIR THREADS\n");
    return 2;
  }
  if (!find_extensions()) return 1;
  paths = read_list(argv[1], &path_count);
  listing = read_output_list(argv[2]);
  bodies = calloc(path_count ? path_count : 1, sizeof *bodies);
  padding = malloc(listing.largest);
  memset(padding, ' ', listing.largest);
  size_t pages = assign_bodies();
  if (mkdir(argv[3], 0755) != 0 || (out_fd = open(argv[3], O_DIRECTORY | O_CLOEXEC)) < 0) {
    perror(argv[3]);
    return 1;
  }
  double read_wall_ms = run_on_threads(threads, read_files);
  if (!atomic_load(&failed)) run_on_threads(threads, render_and_write);
  double wall_ms = clock_ms(CLOCK_MONOTONIC) - start;
  struct rusage use;
  getrusage(RUSAGE_SELF, &use);
  printf(
      "threads=%d pages=%zu files=%zu dirs=%zu bytes=%zu html_bytes=%zu read_wall_ms=%.1f "
      "wall_ms=%.1f user_ms=%.1f sys_ms=%.1f\n",
      threads, pages, listing.files, listing.dirs, listing.bytes, atomic_load(&html_bytes),
      read_wall_ms, wall_ms, ms_of(use.ru_utime), ms_of(use.ru_stime));
  return atomic_load(&failed);
}
