#!/usr/bin/env bash
# Builds Kilima's libFuzzer targets (tests/fuzz, clang with ASan + UBSan) and
# runs each for a bounded time on seed corpora. Fails when any target finds a
# crash, a leak of time (timeout) or memory (OOM): the reproducer's path and
# the stack are printed. installers/test.sh runs this after the test suite.
#
#   KILIMA_FUZZ_SECONDS   seconds per target (default 45; 0 skips fuzzing)
#   KILIMA_FUZZ_TARGETS   space-separated target names (default: all built)
#   KILIMA_FUZZ_BUILD_DIR clang build folder (default build/fuzz)
#   KILIMA_JOBS           targets run side by side (default: nproc)
#   KILIMA_FUZZ_SEED      libFuzzer's random seed (default 1, so that a run is
#                         repeatable: the same inputs on the same code; set
#                         0 for a new seed each run when hunting)
#   KILIMA_FUZZ_FLAGS     more libFuzzer flags, e.g. -malloc_limit_mb=8192 to
#                         look past a known oversized allocation
#
# A found input lands in $build/fuzz-run/crashes/<target>/. Keep it: copy it
# to tests/fuzz/regressions/<target>/ with the fix, and the ordinary test
# suite replays it from then on (CTest fuzz/<target>, docs/development.md).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
seconds="${KILIMA_FUZZ_SECONDS:-45}"
seed="${KILIMA_FUZZ_SEED:-1}"
if [ "$seconds" = 0 ]; then
  echo "fuzz: KILIMA_FUZZ_SECONDS=0, not fuzzing"
  exit 0
fi
build="${KILIMA_FUZZ_BUILD_DIR:-build/fuzz}"
jobs="${KILIMA_JOBS:-$(nproc)}"
for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "fuzz: $tool not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
done

cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKILIMA_BUILD_FUZZERS=ON \
  -DKILIMA_BUILD_TESTS=OFF -DKILIMA_BUILD_BENCH=OFF -DKILIMA_BUILD_WORKSTATION=OFF >/dev/null
cmake --build "$build" -j "$jobs"

run="$build/fuzz-run"
mkdir -p "$run"
targets="${KILIMA_FUZZ_TARGETS:-$(find "$build/tests/fuzz" -maxdepth 1 -type f -executable -name 'fuzz_*' -printf '%f\n' |
  sed 's/^fuzz_//' | sort | tr '\n' ' ')}"

# Seeds beside the project: Debian's python3-pydicom files and, where present,
# the real data in ../shared/testdata/dicom (its smallest files of each
# folder: large ones slow every execution without reaching more code).
pydicom=/usr/lib/python3/dist-packages/pydicom/data
shared="$top/../shared/testdata/dicom"
seeds="$run/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/dicom" "$seeds/pixel_decode" "$seeds/dicom_json"
n=0
for f in "$pydicom"/test_files/*.dcm "$pydicom"/charset_files/*.dcm; do
  [ -f "$f" ] && cp "$f" "$seeds/dicom/pydicom-$((n++))"
done
if [ -d "$shared" ]; then
  for dir in "$shared"/*/; do
    # (a process substitution: head closing the pipe must not trip pipefail)
    while read -r f; do
      cp "$f" "$seeds/dicom/shared-$(basename "$dir")-$(basename "$f")"
    done < <(find "$dir" -type f -size -200k -name '*.dcm' -printf '%s %p\n' | sort -n | head -3 | cut -d' ' -f2-)
  done
fi
for f in "$pydicom"/test_files/*.json; do [ -f "$f" ] && cp "$f" "$seeds/dicom_json/"; done
/usr/bin/python3 tests/fuzz/make_pixel_seeds.py "$seeds/pixel_decode" --max-bytes 65536 \
  "$pydicom/test_files" $( [ -d "$shared" ] && echo "$shared" ) 2>/dev/null || echo "fuzz: no pixel seeds from python3-pydicom"

seed_dirs() {
  case "$1" in
    dicom_parse) echo "$seeds/dicom" ;;
    pixel_decode) echo "$seeds/pixel_decode $seeds/dicom" ;;
    dicom_json) echo "$seeds/dicom_json" ;;
  esac
}

# Qt and DCMTK keep process-wide caches that LeakSanitizer reports at exit:
# leaks are not checked here (docs/development.md). UBSan findings abort.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:symbolize=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

fuzz_one() {
  local t="$1"
  local corpus="$run/corpus/$t" crashes="$run/crashes/$t/" log="$run/logs/$t.log"
  mkdir -p "$corpus" "$crashes" "$run/logs"
  local extra=()
  [ -d "tests/fuzz/corpus/$t" ] && extra+=("tests/fuzz/corpus/$t")
  [ -d "tests/fuzz/regressions/$t" ] && extra+=("tests/fuzz/regressions/$t")
  for d in $(seed_dirs "$t"); do [ -d "$d" ] && extra+=("$d"); done
  # New inputs go to the first folder (the run's corpus, kept between local
  # runs); the others are read only.
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -seed="$seed" -rss_limit_mb=2048 -timeout=10 \
      -max_len=262144 -print_final_stats=1 -artifact_prefix="$crashes" ${KILIMA_FUZZ_FLAGS:-} "$corpus" "${extra[@]}" >"$log" 2>&1; then
    echo "fuzz: $t: clean for ${seconds} s ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs)"
    return 0
  fi
  echo "fuzz: $t: FAILED; the input that failed:" >&2
  grep -E 'Test unit written to|^artifact_prefix' "$log" | sed 's/^/  /' >&2 || true
  ls -1 "$crashes" | sed "s|^|  $crashes|" >&2
  echo "  stack ($log):" >&2
  grep -E -A40 '^==[0-9]+==ERROR|runtime error|ERROR: libFuzzer' "$log" | head -60 | sed 's/^/    /' >&2
  return 1
}

echo "fuzz: ${seconds} s per target, $jobs at a time: $targets"
rm -rf "$run/status"
mkdir -p "$run/status"
for t in $targets; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  ( rc=0; fuzz_one "$t" || rc=1; echo "$rc" >"$run/status/$t" ) &
done
wait
failed=0
for t in $targets; do
  [ "$(cat "$run/status/$t" 2>/dev/null)" = 0 ] || failed=1
done
if [ "$failed" != 0 ]; then
  echo "fuzz: a target failed; reproduce with $build/tests/fuzz/fuzz_<target> <file>" >&2
  exit 1
fi
echo "fuzz: every target ran clean"
