#!/usr/bin/env bash
# The search tests that need more than the unit tests (each script says more at its top):
#   1. stem_test.mjs: stem-nl.js against libstemmer on Debian's Dutch word list and the site;
#   2. run_queries.mjs: the queries of queries.tsv (Dutch, from /) and queries.en.tsv (English,
#      from /en/) in Chromium on the built site, with axe-core and the Nu Html Checker on every
#      page of results.
#
#   tests/search/run.sh [GENERATOR]
#
# GENERATOR (default build/generator/wegwijzer) builds this repository's site, search index
# included. Installs wdutch (the word list), Chromium, Java (for the Nu Html Checker), Node.js and
# the browser tests' npm packages when missing. Last line: "N passed, M failed".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
generator="${1:-$repo/build/generator/wegwijzer}"
fail() {
  echo "search tests: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}
extra=()
[[ -f /usr/share/dict/dutch ]] || extra+=(wdutch)
bash "$repo/tests/browser/install.sh" "${extra[@]}" || fail "could not install what the tests need"

work="$(mktemp -d "${TMPDIR:-/tmp}/wegwijzer-search.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$generator" build --source "$repo" --output "$work/site" --quiet || fail "the site does not build"
status=0
node "$here/stem_test.mjs" "$work/site" | tee "$work/stem.log" || status=1
node "$here/run_queries.mjs" --site "$work/site" | tee "$work/queries.log" || status=1
node "$here/run_queries.mjs" --site "$work/site" --page /en/ --queries "$here/queries.en.tsv" |
  tee "$work/queries-en.log" || status=1
passed=0
failed=0
for log in stem queries queries-en; do
  passed=$((passed + $(tail -1 "$work/$log.log" | cut -d' ' -f1)))
  failed=$((failed + $(tail -1 "$work/$log.log" | cut -d' ' -f3)))
done
echo "$passed passed, $failed failed"
exit $status
