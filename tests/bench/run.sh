#!/usr/bin/env bash
# Side-by-side build benchmark: wegwijzer against Hugo on the same synthetic corpus.
#
#   tests/bench/run.sh [--pages 1000,10000] [--runs 3] [--scale] [--smoke] [--wegwijzer PATH]
#
# The full run installs what it needs (Hugo, GNU time, the build dependencies for the cmark-gfm
# floor) through scripts/deps.sh; --smoke installs nothing and skips Hugo if it is missing, so it
# can run from CTest. Everything else is in bench.py; see README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

smoke=0
for arg in "$@"; do
  [ "$arg" = "--smoke" ] && smoke=1
done
if [ "$smoke" = 0 ]; then
  "$repo/scripts/deps.sh" hugo time
fi
exec python3 "$here/bench.py" "$@"
