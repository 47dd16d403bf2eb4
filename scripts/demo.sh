#!/usr/bin/env bash
# Builds casus and codes the bundled demo corpus (samples/) into an embedded SQLite store, then prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"
rm -f demo.sqlite demo.sqlite-wal demo.sqlite-shm
./build/casus code --db demo.sqlite --summary samples/
