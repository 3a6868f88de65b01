#!/usr/bin/env bash
# Rebuild times of `wegwijzer serve` after an edit: makes a 10,000-page corpus with
# /work/shared/bench/make-corpus.py (or $MAKE_CORPUS) on tmpfs (/dev/shm) where there is one,
# builds it in memory once, then edits it and times each incremental rebuild (bench_rebuild);
# then serves the folder and times each save of a page until its reload message arrives
# (bench_serve). Both print figures; nothing passes or fails.
#
# usage: tests/bench/rebuild_bench.sh [BUILD_DIR] [PAGES] [ROUNDS] [JOBS]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
pages=${2:-10000}
rounds=${3:-9}
jobs=${4:-$(nproc)}
make_corpus=${MAKE_CORPUS:-/work/shared/bench/make-corpus.py}

cmake --build "$build" --target bench_rebuild bench_serve >&2
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  corpus=$(mktemp -d -p /dev/shm)
else
  corpus=$(mktemp -d)
  echo "warning: no tmpfs at /dev/shm; the serve figures include the disk" >&2
fi
trap 'rm -rf "$corpus"' EXIT
python3 "$make_corpus" "$corpus" "$pages" >/dev/null
"$build/generator/bench_rebuild" "$corpus" "$rounds" "$jobs"
"$build/generator/bench_serve" "$corpus" "$rounds" "$jobs"
