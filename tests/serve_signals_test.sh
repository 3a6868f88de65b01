#!/usr/bin/env bash
# `wegwijzer serve` stops cleanly on SIGINT (Ctrl+C) and on SIGTERM: it says "Stopped." and exits
# 0, whichever of its threads the kernel hands the signal to. wegwijzer runs wegwijzer-serve in its
# own place (the same process), so the signals sent to the process it started reach the server;
# without wegwijzer-serve beside it, it says so and exits 2.
#
#   tests/serve_signals_test.sh WEGWIJZER SITE_DIR
set -uo pipefail
wegwijzer=$1
site=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wegwijzer-serve-signals.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failed=0

# Runs the command every tenth of a second until it succeeds, for at most ten seconds.
within_10s() {
  for _ in $(seq 100); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}
started() { grep -qs "^Serving " "$tmp/out"; }  # -s: the shell may not have made the file yet
stopped() { ! kill -0 "$pid" 2>/dev/null; }

for signal in INT TERM; do
  "$wegwijzer" serve --source "$site" --port 0 --bind 127.0.0.1 >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  if ! within_10s started; then
    echo "FAIL: SIG$signal: the server did not start"
    cat "$tmp/out" "$tmp/err"
    kill -KILL "$pid" 2>/dev/null
    failed=1
    continue
  fi
  kill -"$signal" "$pid"
  if ! within_10s stopped; then
    echo "FAIL: SIG$signal: still running 10 s later"
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null
    failed=1
    continue
  fi
  wait "$pid"
  status=$?
  if [ "$status" -eq 0 ] && grep -q "^Stopped\.$" "$tmp/out"; then
    echo "ok: SIG$signal: stopped, exit 0"
  else
    echo "FAIL: SIG$signal: exit $status, output:"
    cat "$tmp/out" "$tmp/err"
    failed=1
  fi
done
# A wegwijzer alone in its folder cannot serve, and says where wegwijzer-serve should be.
cp "$wegwijzer" "$tmp/wegwijzer"
"$tmp/wegwijzer" serve --source "$site" --port 0 >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" -eq 2 ] && grep -q "cannot start $tmp/wegwijzer-serve: No such file" "$tmp/err"; then
  echo "ok: without wegwijzer-serve beside it: exit 2, says so"
else
  echo "FAIL: without wegwijzer-serve beside it: exit $status, output:"
  cat "$tmp/out" "$tmp/err"
  failed=1
fi
exit "$failed"
