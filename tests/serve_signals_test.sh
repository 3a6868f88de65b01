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
# ok or FAIL for what $2 says, by the status $1 of the check before it; a failure shows the output.
verdict() {
  if [ "$1" -eq 0 ]; then
    echo "ok: $2"
  else
    echo "FAIL: $2; output:"
    cat "$tmp/out" "$tmp/err"
    failed=1
  fi
}
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
  [ "$status" -eq 0 ] && grep -q "^Stopped\.$" "$tmp/out"
  verdict $? "SIG$signal: says Stopped. and exits 0 (exit $status)"
done
# A wegwijzer alone in its folder cannot serve, and says where wegwijzer-serve should be.
cp "$wegwijzer" "$tmp/wegwijzer"
"$tmp/wegwijzer" serve --source "$site" --port 0 >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" -eq 2 ] && grep -q "cannot start $tmp/wegwijzer-serve: No such file" "$tmp/err"
verdict $? "without wegwijzer-serve beside it: says so and exits 2 (exit $status)"
exit "$failed"
