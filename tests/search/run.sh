#!/usr/bin/env bash
# The search tests that need more than the unit tests (see README.md beside this file):
#   1. stem_test.mjs: stem-nl.js against libstemmer on Debian's Dutch word list and the site;
#   2. run_queries.mjs: the queries of queries.tsv in Chromium on the built site.
#
#   tests/search/run.sh [GENERATOR] [UNIT_TESTS]
#
# GENERATOR (default build/generator/wegwijzer) builds this repository's site. Until the build
# writes the search index itself, UNIT_TESTS (default build/tests/wegwijzer_tests) writes it into
# the built site with its hidden test "[search-site]". Installs wdutch (the word list) and the
# browser tests' packages when missing. Last line: "N passed, M failed".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
generator="${1:-$repo/build/generator/wegwijzer}"
unit_tests="${2:-$repo/build/tests/wegwijzer_tests}"
fail() {
  echo "search tests: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}
if [[ ! -f /usr/share/dict/dutch ]]; then
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive \
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends wdutch >/dev/null ||
    fail "cannot install wdutch"
fi
[[ -d "$repo/tests/browser/node_modules/playwright-core" ]] ||
  (cd "$repo/tests/browser" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) ||
  fail "npm ci in tests/browser failed"

work="$(mktemp -d "${TMPDIR:-/tmp}/wegwijzer-search.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$generator" build --source "$repo" --output "$work/site" --quiet || fail "the site does not build"
if [[ ! -f "$work/site/zoeken/nl/meta.json" ]]; then
  WEGWIJZER_SEARCH_SITE="$work/site" "$unit_tests" "[search-site]" >"$work/index.log" 2>&1 ||
    { cat "$work/index.log"; fail "indexing the built site failed"; }
fi
status=0
node "$here/stem_test.mjs" "$work/site" | tee "$work/stem.log" || status=1
node "$here/run_queries.mjs" --site "$work/site" | tee "$work/queries.log" || status=1
passed=$(( $(tail -1 "$work/stem.log" | cut -d' ' -f1) + $(tail -1 "$work/queries.log" | cut -d' ' -f1) ))
failed=$(( $(tail -1 "$work/stem.log" | cut -d' ' -f3) + $(tail -1 "$work/queries.log" | cut -d' ' -f3) ))
echo "$passed passed, $failed failed"
exit $status
