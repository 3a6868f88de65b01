#!/usr/bin/env bash
# Runs the whole test suite through CTest: unit tests, the Mustache spec, fixture sites and the
# checks on the project's own site.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
