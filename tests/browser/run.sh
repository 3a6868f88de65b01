#!/usr/bin/env bash
# The real-browser checks of the built site (issue 4): the Nu Html Checker over every page, axe-core
# in headless Chromium on every page type at phone and desktop width, no request to another origin,
# and a crawl for broken links. See README.md beside this file.
#
#   tests/browser/run.sh [GENERATOR] [SITE] [CHECK OPTIONS...]
#   tests/browser/run.sh --self-test
#   tests/browser/run.sh --base-path [GENERATOR] [SITE]
#
# GENERATOR: the wegwijzer binary (default build/generator/wegwijzer); SITE: the site folder to
# build (default: this repository); options after SITE go to check.mjs (a site other than this
# repository names its page types with --pages, and its writing direction with --dir). --self-test instead proves that the checks fail on a small
# site with one defect of each kind (selftest.mjs). --base-path instead builds the site under
# /wegwijzer/ and crawls and searches it on a server that answers only there (base_path.mjs).
# Either way what is missing (Debian packages,
# npm packages from package-lock.json) is installed first. Screenshots go to tests/screenshots/.
# Exit status 0 only when all checks pass; the last line is "N passed, M failed".
# WEGWIJZER_BROWSER_ARGS adds options to check.mjs (e.g. "--skip vnu,sweep --verbose").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
self_test=false
base_path=false
if [[ "${1:-}" == "--self-test" ]]; then
  self_test=true
  shift
elif [[ "${1:-}" == "--base-path" ]]; then
  base_path=true
  shift
fi
generator="${1:-$repo/build/generator/wegwijzer}"
source_dir="${2:-$repo}"
check_options=("${@:3}")
chromium="${WEGWIJZER_CHROMIUM:-/usr/bin/chromium}"

fail() {
  echo "browser tests: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

if ! $self_test; then
  [[ -x "$generator" ]] || fail "no generator binary at $generator (build it first, or pass its path)"
  generator="$(cd "$(dirname "$generator")" && pwd)/$(basename "$generator")"
fi

# --- What the machine needs, installed only when missing (install.sh) -----------------------------
bash "$here/install.sh" || fail "could not install what the tests need"

if $self_test; then
  exec node "$here/selftest.mjs" --chromium "$chromium"
fi
if $base_path; then
  exec node "$here/base_path.mjs" --generator "$generator" --source "$source_dir" --chromium "$chromium"
fi

# --- Build the site ------------------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/wegwijzer-browser.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if ! "$generator" build --source "$source_dir" --output "$work/public" --quiet; then
  fail "wegwijzer build --source $source_dir failed"
fi

# --- Check it -------------------------------------------------------------------------------------
mkdir -p "$repo/tests/screenshots"
node "$here/check.mjs" --site "$work/public" --screenshots "$repo/tests/screenshots" --chromium "$chromium" \
  "${check_options[@]}" ${WEGWIJZER_BROWSER_ARGS:-}
