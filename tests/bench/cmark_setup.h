/* The cmark-gfm options and extensions the floors parse with (floor.c, pipeline_floor.c): those of
 * generator/src/markdown/markdown.cc, all of them on every body. */
#ifndef WEGWIJZER_BENCH_CMARK_SETUP_H
#define WEGWIJZER_BENCH_CMARK_SETUP_H

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdio.h>

#define OPTIONS (CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8)
static const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tasklist",
                                          "tagfilter"};
#define EXTENSION_COUNT (sizeof kExtensions / sizeof kExtensions[0])

static cmark_syntax_extension* extensions[EXTENSION_COUNT];

/* Finds the extensions once, before any thread parses; 0 with a message if one is missing. */
static int find_extensions(void) {
  cmark_gfm_core_extensions_ensure_registered();
  for (size_t i = 0; i < EXTENSION_COUNT; ++i) {
    extensions[i] = cmark_find_syntax_extension(kExtensions[i]);
    if (!extensions[i]) {
      fprintf(stderr, "cmark-gfm extension %s not found\n", kExtensions[i]);
      return 0;
    }
  }
  return 1;
}

/* A parser with the options and every extension attached. */
static cmark_parser* new_parser(void) {
  cmark_parser* parser = cmark_parser_new(OPTIONS);
  for (size_t e = 0; e < EXTENSION_COUNT; ++e) {
    cmark_parser_attach_syntax_extension(parser, extensions[e]);
  }
  return parser;
}

#endif
