#!/usr/bin/env bash
# Side-by-side build benchmark: wegwijzer against Hugo and Eleventy on the same synthetic corpus.
#
#   tests/bench/run.sh [--pages 1000,10000] [--rounds 5] [--disk DIR] [--scale] [--sections N]
#                      [--smoke] [--wegwijzer PATH]
#
# The full run installs what it needs (Hugo, GNU time, Node.js and npm, the build dependencies for
# the cmark-gfm floor, md4c for the floor it is compared with) through scripts/deps.sh; --smoke
# installs no Debian package and skips Hugo or Eleventy if they are missing, so it can run from
# CTest. Eleventy itself comes from npm, pinned by eleventy/package-lock.json, installed with
# `npm ci` when node_modules is missing or older than the lockfile. Everything else is in bench.py; see README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

smoke=0
no_eleventy=0
for arg in "$@"; do
  [ "$arg" = "--smoke" ] && smoke=1
  [ "$arg" = "--no-eleventy" ] && no_eleventy=1
done
if [ "$smoke" = 0 ]; then
  # Node.js and npm by command, not by package: some Node.js packages bring npm with them.
  # libmd4c-dev too: md4c-html.pc requires md4c.pc, which Debian's libmd4c-html0-dev does not
  # bring with it.
  extra=(hugo time libmd4c-dev libmd4c-html0-dev)
  command -v node >/dev/null || extra+=(nodejs)
  "$repo/scripts/deps.sh" "${extra[@]}"
  command -v npm >/dev/null || "$repo/scripts/deps.sh" npm
fi

# Eleventy's npm packages. One install at a time, should two runs start together.
eleventy="$here/eleventy"
if [ "$no_eleventy" = 0 ] && command -v node >/dev/null && command -v npm >/dev/null; then
  exec 9>"${TMPDIR:-/tmp}/wegwijzer-bench-npm.lock"
  flock 9
  stamp="$eleventy/node_modules/.package-lock.json"
  if [[ ! -f "$stamp" || "$eleventy/package-lock.json" -nt "$stamp" ||
        ! -f "$eleventy/node_modules/@11ty/eleventy/cmd.cjs" ]]; then
    echo "bench: npm ci in $eleventy"
    if ! (cd "$eleventy" && npm ci --no-audit --no-fund --loglevel=error); then
      if [ "$smoke" = 1 ]; then
        echo "bench: npm ci failed; Eleventy will be skipped"
      else
        echo "bench: npm ci failed" >&2
        exit 1
      fi
    fi
  fi
  flock -u 9
fi
exec python3 "$here/bench.py" "$@"
