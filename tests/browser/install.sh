#!/usr/bin/env bash
# What the browser and search tests need, installed only when missing: Chromium, Java (for the
# Nu Html Checker), Node.js and npm from Debian, any further Debian packages named on the command
# line, and the npm packages pinned by package-lock.json beside this file. One install at a time,
# since CTest runs these tests in parallel.
#
#   tests/browser/install.sh [DEBIAN_PACKAGE...]
#
# WEGWIJZER_CHROMIUM names the Chromium binary (default /usr/bin/chromium). Exit status 1, with
# the reason on stderr, when something cannot be installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chromium="${WEGWIJZER_CHROMIUM:-/usr/bin/chromium}"
fail() {
  echo "install: $*" >&2
  exit 1
}

exec 9>"${TMPDIR:-/tmp}/wegwijzer-browser-install.lock"
flock 9
missing=("$@")
[[ -x "$chromium" ]] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || fail "missing ${missing[*]} and not root: install them with apt-get"
    sudo=(sudo)
  else
    sudo=()
  fi
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null || fail "apt-get update failed"
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    fail "apt-get install ${missing[*]} failed"
fi
[[ -x "$chromium" ]] || fail "no Chromium at $chromium"

# --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime; the machine's Java
# is used instead.
lock_stamp="$here/node_modules/.package-lock.json"
if [[ ! -f "$lock_stamp" || "$here/package-lock.json" -nt "$lock_stamp" ]] ||
   [[ ! -d "$here/node_modules/playwright-core" || ! -d "$here/node_modules/axe-core" || ! -d "$here/node_modules/vnu-jar" ]]; then
  echo "npm ci in tests/browser"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || fail "npm ci failed"
fi
