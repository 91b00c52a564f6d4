#!/usr/bin/env bash
# C-STORE ingest throughput: storescu over 1 and 4 associations, N instances
# of the real CT (../shared/testdata/dicom/ct_invesalius_0051 replicated
# with new UIDs), against kilima-node serve, Orthanc (Debian package,
# default SQLite index) and dcmtk's storescp (files only, no index), all in
# one run on 127.0.0.1, every peer with TCP_NODELAY=1.
#
#   bench/bench_store.sh [BUILD_DIR] [INSTANCES]
#
# Prints instances/s per peer and the ratios Kilima/Orthanc and
# Kilima/storescp, then the disk's flush floor measured in the same run and
# the best rate any receiver that flushes before answering could reach over
# one association. Needs dcmtk and orthanc (installers/install-deps.sh).
# Kilima answers each C-STORE only once the object is on disk (fdatasync
# of the file and fsync of its folder); Orthanc and storescp do not wait
# for the disk. With eatmydata installed, Kilima also runs with its
# flushes removed, to show what they cost on this disk.
# Let a minute pass after deleting many files before running: ext4 without
# a journal scans recently freed inodes on every file it creates.
set -euo pipefail
build="${1:-build/release}"
instances="${2:-10000}"
export TCP_NODELAY=1
work="$(mktemp -d /tmp/kilima-bench-store-XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() { for _ in $(seq 1 300); do (echo > /dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; return 1; }

"$build/bench/bench_import" --series ct --instances "$instances" --prepare-only "$work/input" >/dev/null
echo "input: $instances CT instances ($(du -sm "$work/input" | cut -f1) MB)"
# Every peer starts on a quiet disk: the input (and the previous peer's
# files, which Orthanc and storescp leave to the kernel to write) are on disk
# before the next run starts, so no peer's flushes wait behind them.
sync

# The disk's floor for an answer that waits for durability, measured here on
# the disk the peers write to: p50 of 200 flushes each of
#   cache   4 KB written over an existing file, then fdatasync (the device's
#           cache-flush round trip: no durable answer can be quicker);
#   over    526,000 bytes (one CT object) over an existing file, fdatasync;
#   new     526,000 bytes into a new file, fdatasync, folder fsync (what
#           Kilima does for each object).
read -r floor_cache floor_over floor_new < <(python3 - "$work" <<'PY'
import os, sys, time
root = sys.argv[1]
def p50(xs): xs.sort(); return xs[len(xs) // 2] * 1e3
def over(size):
    data = os.urandom(size); fd = os.open(os.path.join(root, f"floor-{size}"), os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, data); os.fsync(fd); ts = []
    for _ in range(200):
        os.pwrite(fd, data, 0); t = time.perf_counter(); os.fdatasync(fd); ts.append(time.perf_counter() - t)
    os.close(fd); return p50(ts)
def new():
    data = os.urandom(526000); d = os.path.join(root, "floor-new"); os.mkdir(d)
    dfd = os.open(d, os.O_RDONLY | os.O_DIRECTORY); ts = []
    for i in range(200):
        fd = os.open(os.path.join(d, str(i)), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, data); t = time.perf_counter(); os.fdatasync(fd); os.fsync(dfd); ts.append(time.perf_counter() - t)
        os.close(fd)
    os.close(dfd); return p50(ts)
print(f"{over(4096):.3f} {over(526000):.3f} {new():.3f}")
PY
)
rm -rf "$work"/floor-*
sync

# send PORT CALLED ASSOCIATIONS -> prints instances/s
send() {
  local port=$1 called=$2 assocs=$3 start end
  # The sender reads its input from memory, as a modality sends from its
  # own disk and not the archive's: this machine gives idle page cache
  # back within minutes, and storescu reading the input from the disk the
  # receiver flushes to slowed every receiver, flushing ones most.
  find "$work/input" -type f -exec cat {} + >/dev/null
  start=$(date +%s.%N)
  if [ "$assocs" = 1 ]; then
    storescu -aet SCU -aec "$called" +sd +r 127.0.0.1 "$port" "$work/input" >/dev/null 2>&1
  else
    local senders=()
    for k in 0 1 2 3; do
      storescu -aet SCU -aec "$called" +sd +r 127.0.0.1 "$port" "$work/input/$k" >/dev/null 2>&1 &
      senders+=($!)
    done
    for s in "${senders[@]}"; do wait "$s"; done
  fi
  end=$(date +%s.%N)
  python3 -c "print(f'{$instances/($end-$start):.0f}')"
}

declare -A rate latency

# find_latency PORT CALLED -> p50 ms of a study-level C-FIND by Patient ID
# (findscu, one association per query; process start included, the same
# for every peer).
find_latency() {
  local port=$1 called=$2 pid
  pid=$(dcmdump +P 0010,0020 "$(find "$work/input/0" -name '*.dcm' | head -1)" | sed 's/.*\[\(.*\)\].*/\1/')
  for _ in $(seq 1 30); do
    local s e
    s=$(date +%s%N)
    findscu -S -aet SCU -aec "$called" -k QueryRetrieveLevel=STUDY -k "PatientID=$pid" -k StudyInstanceUID \
      -k StudyDate -k NumberOfStudyRelatedInstances 127.0.0.1 "$port" >/dev/null 2>&1
    e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
  done | sort -n | sed -n 15p | awk '{printf "%.1f", $1/1000}'
}

# Kilima
for assocs in 1 4; do
  port=$(free_port); data="$work/kilima-$assocs"
  "$build/app/node/kilima-node" --data-dir "$data" nodes add scu --aet SCU --host 127.0.0.1 --port 104 --allow echo,store,find >/dev/null
  "$build/app/node/kilima-node" --data-dir "$data" serve --dicom-port "$port" --http-port 0 --bind 127.0.0.1 >"$work/kilima-$assocs.log" 2>&1 &
  pid=$!; pids+=($pid); wait_port "$port"
  sync; rate[kilima-$assocs]=$(send "$port" KILIMA "$assocs")
  [ "$assocs" = 1 ] && latency[kilima]=$(find_latency "$port" KILIMA)
  stored=$("$build/app/node/kilima-node" --data-dir "$data" stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["instances"])')
  kill -TERM $pid; wait $pid 2>/dev/null || true
  [ "$stored" = "$instances" ] || echo "warning: kilima stored $stored of $instances" >&2
done

# Kilima again with every flush turned into a no-op by libeatmydata (when
# installed): not a mode Kilima offers, but Orthanc and storescp do not
# flush before answering, so this row shows how much of the difference is
# the flush each C-STORE waits for.
if command -v eatmydata >/dev/null; then
  for assocs in 1 4; do
    port=$(free_port); data="$work/kilima-noflush-$assocs"
    "$build/app/node/kilima-node" --data-dir "$data" nodes add scu --aet SCU --host 127.0.0.1 --port 104 --allow echo,store >/dev/null
    eatmydata "$build/app/node/kilima-node" --data-dir "$data" serve --dicom-port "$port" --http-port 0 --bind 127.0.0.1 >/dev/null 2>&1 &
    pid=$!; pids+=($pid); wait_port "$port"
    sync; rate[noflush-$assocs]=$(send "$port" KILIMA "$assocs")
    kill -TERM $pid; wait $pid 2>/dev/null || true
  done
fi

# Orthanc
for assocs in 1 4; do
  dport=$(free_port); hport=$(free_port); dir="$work/orthanc-$assocs"; mkdir -p "$dir"
  cat > "$dir/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$dir/storage", "IndexDirectory": "$dir/index",
  "HttpPort": $hport, "DicomPort": $dport, "DicomAet": "ORTHANC", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomCheckCalledAet": false, "Plugins": [],
  "DicomAlwaysAllowStore": true, "DicomAlwaysAllowFind": true }
JSON
  Orthanc "$dir/orthanc.json" >/dev/null 2>&1 &
  pid=$!; pids+=($pid); wait_port "$dport"
  sync; rate[orthanc-$assocs]=$(send "$dport" ORTHANC "$assocs")
  [ "$assocs" = 1 ] && latency[orthanc]=$(find_latency "$dport" ORTHANC)
  kill -TERM $pid; wait $pid 2>/dev/null || true
done

# storescp (files only, bit-preserving, one process per association)
for assocs in 1 4; do
  port=$(free_port); dir="$work/storescp-$assocs"; mkdir -p "$dir"
  storescp --fork -B -od "$dir" "$port" >/dev/null 2>&1 &
  pid=$!; pids+=($pid); wait_port "$port"
  sync; rate[storescp-$assocs]=$(send "$port" ANY-SCP "$assocs")
  kill -TERM $pid; wait $pid 2>/dev/null || true
done

printf '%-12s %14s %14s\n' "peer" "1 assoc /s" "4 assoc /s"
for p in kilima orthanc storescp; do
  printf '%-12s %14s %14s\n' "$p" "${rate[$p-1]}" "${rate[$p-4]}"
done
if [ -n "${rate[noflush-1]:-}" ]; then
  printf '%-12s %14s %14s   (Kilima with flushes removed by eatmydata, for comparison only)\n' "no-flush" "${rate[noflush-1]}" "${rate[noflush-4]}"
fi
echo "C-FIND study level by PatientID over the $instances stored instances, p50 of 30 findscu runs:"
echo "  kilima ${latency[kilima]} ms   orthanc ${latency[orthanc]} ms"
# Where Kilima's time went: the line the node logs at the end of each
# association (docs/node.md).
echo "Kilima, per association (receiving / storing = checking + waiting for the disk + indexing / answering):"
for assocs in 1 4; do
  grep -h 'C-STOREs' "$work/kilima-$assocs.log" | sed 's/^.*kilima.dimse: /  /' || true
done
python3 - "${rate[kilima-1]}" "${rate[kilima-4]}" "${rate[orthanc-1]}" "${rate[orthanc-4]}" "${rate[storescp-1]}" "${rate[storescp-4]}" \
  "$floor_cache" "$floor_over" "$floor_new" <<'PY'
import sys
k1, k4, o1, o4, s1, s4, cache, over, new = map(float, sys.argv[1:])
print(f"kilima/orthanc : {k1/o1:.2f} (1 assoc)  {k4/o4:.2f} (4 assoc)   goal >= 3")
print(f"kilima/storescp: {k1/s1:.2f} (1 assoc)  {k4/s4:.2f} (4 assoc)   goal >= 0.8")
# What the goals ask of this disk. storescu waits for each answer, so over
# one association a receiver that does all storescp does and then flushes
# (no hashing, no parsing, no index) answers at best every 1/s1 + flush.
print(f"disk, p50 per flush: cache {cache:.2f} ms, one object over an existing file {over:.2f} ms, "
      f"one object as a new file {new:.2f} ms")
cycle = 1000 / s1
for name, ms in (("cache flush only", cache), ("object over an existing file", over), ("object as a new file", new)):
    best = 1000 / (cycle + ms)
    print(f"  ceiling at 1 assoc, storescp's {cycle:.2f} ms + {name}: {best:.0f}/s = {best/s1:.2f} x storescp")
print(f"  3 x orthanc at 4 assoc is {3*o4:.0f}/s; storescp, which neither flushes nor indexes, did {s4:.0f}/s")
PY
