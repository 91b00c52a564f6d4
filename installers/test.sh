#!/usr/bin/env bash
# Installs what is missing, builds Kilima (Release, tests in the same tree)
# and runs the whole test suite through CTest. Fails when any test fails.
# Real-data test cases run when ../shared/testdata/dicom exists.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
bash installers/install-deps.sh
build="${KILIMA_BUILD_DIR:-build/release}"
jobs="${KILIMA_JOBS:-$(nproc)}"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILIMA_BUILD_TESTS=ON -DKILIMA_BUILD_BENCH=ON
cmake --build "$build" -j "$jobs"
cd "$build"
ctest --output-on-failure -j "$jobs" --timeout 900
