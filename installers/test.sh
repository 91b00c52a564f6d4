#!/usr/bin/env bash
# Installs what is missing, builds Kilima (Release, tests in the same tree)
# and runs the whole test suite through CTest, then fuzzes (installers/fuzz.sh).
# Fails when any test fails or a fuzz target crashes.
# Real-data test cases run when ../shared/testdata/dicom exists.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
bash installers/install-deps.sh
build="${KILIMA_BUILD_DIR:-build/release}"
jobs="${KILIMA_JOBS:-$(nproc)}"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILIMA_BUILD_TESTS=ON -DKILIMA_BUILD_BENCH=ON
cmake --build "$build" -j "$jobs"
(cd "$build" && ctest --output-on-failure -j "$jobs" --timeout 900)
# Then every libFuzzer target for KILIMA_FUZZ_SECONDS (default 45) seconds in
# a clang + ASan/UBSan build of the modules they reach (installers/fuzz.sh);
# a crash fails the run with the reproducer's path and the stack.
KILIMA_JOBS="$jobs" bash installers/fuzz.sh
