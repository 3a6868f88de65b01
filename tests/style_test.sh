#!/usr/bin/env bash
# The code conventions of docs/ARCHITECTURE.md, checked by the tools that define them:
#   - every C++ file is formatted as .clang-format says (clang-format --dry-run -Werror);
#   - no function in generator/src outside tests is over 80 lines (clang-tidy's
#     readability-function-size with LineThreshold 80);
#   - no test name holds a '[' or ']', on which CTest's list of names would merge tests.
# Usage: tests/style_test.sh BUILD_DIR   (BUILD_DIR holds compile_commands.json)
# The last line is "N passed, M failed".
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:?usage: tests/style_test.sh BUILD_DIR}"
cd "$repo"

mapfile -t sources < <(find generator tests -name '*.cc' -o -name '*.h' | grep -v '/fixtures/' | sort)
passed=0
failed=0

# One check's verdict: passed when it found nothing, otherwise the heading and what it found.
judge() {
  local heading=$1 found=$2
  if [ -z "$found" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "$heading"
    echo "$found"
  fi
}

unformatted=""
for f in "${sources[@]}"; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || unformatted+="  $f"$'\n'
done
judge "not formatted as .clang-format says (run clang-format -i on them):" "${unformatted%$'\n'}"

mapfile -t library < <(find generator/src -name '*.cc' ! -name '*_test.cc' | sort)
config='{CheckOptions: [{key: readability-function-size.LineThreshold, value: 80}]}'
long=$(printf '%s\n' "${library[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet --checks='-*,readability-function-size' \
    --config="$config" 2>/dev/null | grep -E "warning: function .* exceeds" | sort -u)
judge "functions over 80 lines (split them):" "$long"

# CTest learns the test names from the binary and keeps them in a CMake list, where a '[' or ']'
# stops the ';' after it from dividing: the names that follow merge into one test that runs none.
bad_names=$(grep -nE 'TEST_CASE\("[^"]*[][][^"]*"' "${sources[@]}")
judge "test names with '[' or ']' (CTest would merge and skip tests; reword them):" "$bad_names"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
