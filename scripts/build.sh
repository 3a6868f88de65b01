#!/usr/bin/env bash
# Builds the wegwijzer generator and, with it, the project's own site into public/.
# Usage: scripts/build.sh [extra wegwijzer build flags, e.g. --drafts]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target wegwijzer
build/generator/wegwijzer build --source . --output public "$@"
