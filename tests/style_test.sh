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

unformatted=()
for f in "${sources[@]}"; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ ${#unformatted[@]} -eq 0 ]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "not formatted as .clang-format says (run clang-format -i on them):"
  printf '  %s\n' "${unformatted[@]}"
fi

mapfile -t library < <(find generator/src -name '*.cc' ! -name '*_test.cc' | sort)
config='{CheckOptions: [{key: readability-function-size.LineThreshold, value: 80}]}'
long=$(printf '%s\n' "${library[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet --checks='-*,readability-function-size' \
    --config="$config" 2>/dev/null | grep -E "warning: function .* exceeds" | sort -u)
if [ -z "$long" ]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "functions over 80 lines (split them):"
  echo "$long"
fi

# CTest learns the test names from the binary and keeps them in a CMake list, where a '[' or ']'
# stops the ';' after it from dividing: the names that follow merge into one test that runs none.
bad_names=$(grep -nE 'TEST_CASE\("[^"]*[][][^"]*"' "${sources[@]}")
if [ -z "$bad_names" ]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "test names with '[' or ']' (CTest would merge and skip tests; reword them):"
  echo "$bad_names"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
