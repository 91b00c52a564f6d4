#!/usr/bin/env bash
# Installs what is missing, builds Kilima (Release) and starts the
# workstation. Extra arguments go to `kilima` (for example --data-dir DIR).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
bash installers/install-deps.sh
build="${KILIMA_BUILD_DIR:-build/release}"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$(nproc)" --target kilima kilima-node
exec "$build/app/workstation/kilima" "$@"
