#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time (default 60 s each), seeded from the fixtures.
# A crash leaves its input in build-fuzz/crashes/<target>/: copy it into
# tests/fuzz/regressions/<target>/ so the test suite replays it for ever after.
# Usage: scripts/fuzz.sh [seconds-per-target]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

scripts/deps.sh clang libclang-rt-14-dev
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DWEGWIJZER_FUZZ=ON >/dev/null
cmake --build build-fuzz --target fuzz_front_matter fuzz_mustache fuzz_json_source fuzz_markdown_links \
  fuzz_data_mutation

seed() {  # target, then globs of seed files
  local target=$1; shift
  local dir=build-fuzz/corpus/$target
  mkdir -p "$dir" "build-fuzz/crashes/$target"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done
  cp tests/fuzz/regressions/"$target"/* "$dir/" 2>/dev/null || true
}
shopt -s globstar nullglob
seed front_matter tests/fixtures/**/*.md content/**/*.md
seed markdown_links tests/fixtures/**/*.md content/**/*.md
seed mustache tests/fixtures/**/*.html templates/**/*.html
seed json_source content/data/*.json content/data/schemas/*.json
# Its input is a recipe of mutations to the real data files (issue 12): any bytes will do.
seed data_mutation tests/fuzz/regressions/data_mutation/*
[ -n "$(ls build-fuzz/corpus/data_mutation)" ] || head -c 64 /dev/zero >build-fuzz/corpus/data_mutation/zero

status=0
for target in front_matter mustache json_source markdown_links data_mutation; do
  echo "== fuzz_$target for ${seconds}s"
  build-fuzz/tests/fuzz_$target -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="build-fuzz/crashes/$target/" "build-fuzz/corpus/$target" 2>&1 |
    grep -E '^(#[0-9]+[[:space:]]+DONE|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' || true
  # (nullglob is on: an empty folder gives an empty list, not the pattern itself)
  crashes=(build-fuzz/crashes/"$target"/*)
  if [ ${#crashes[@]} -gt 0 ]; then
    echo "fuzz_$target found crashes: build-fuzz/crashes/$target/" >&2
    status=1
  fi
done
exit $status
