#!/usr/bin/env bash
# The disk's floor for a durable C-STORE answer: how long it takes to write
# one object of the real CT's size (526,000 bytes) and make it durable the
# way Kilima does (fdatasync of the file, fsync of its folder), from one
# writer and from four at once, beside the same writes with no flush (what
# storescp and Orthanc do before they answer). A last row writes the object
# over an existing file and flushes it: the data's own cost, without the new
# file's inode and folder entry.
#
#   bench/bench_flush.sh [DIR] [FILES]
#
# DIR must be on the disk the archive uses (default: a temporary folder
# under /tmp). No build needed.
set -euo pipefail
dir="$(mktemp -d "${1:-/tmp}/kilima-bench-flush-XXXXXX")"
files="${2:-500}"
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$files" <<'PY'
import os, sys, threading, time
root, n = sys.argv[1], int(sys.argv[2])
payload = os.urandom(526000)

def writer(sub, count, flush):
    d = os.path.join(root, sub)
    os.makedirs(d, exist_ok=True)
    dfd = os.open(d, os.O_RDONLY | os.O_DIRECTORY)
    for i in range(count):
        fd = os.open(os.path.join(d, f"{i}.dcm"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, payload)
        if flush:
            os.fdatasync(fd)
            os.fsync(dfd)
        os.close(fd)
    os.close(dfd)

def overwrite(count):
    # The same bytes written over an existing file of the same size, then
    # fdatasync: the data's own cost, without a new inode or folder entry.
    path = os.path.join(root, "overwrite.dcm")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, payload)
    os.fsync(fd)
    start = time.perf_counter()
    for _ in range(count):
        os.pwrite(fd, payload, 0)
        os.fdatasync(fd)
    elapsed = time.perf_counter() - start
    os.close(fd)
    print(f"{'overwrite + fdatasync':<28} 1 writer(s): {count / elapsed:7.0f} objects/s, {elapsed / count * 1000:5.2f} ms per object per writer")

def run(label, writers, flush):
    per = n // writers
    threads = [threading.Thread(target=writer, args=(f"{writers}-{flush}-{w}", per, flush)) for w in range(writers)]
    start = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.perf_counter() - start
    rate = per * writers / elapsed
    print(f"{label:<28} {writers} writer(s): {rate:7.0f} objects/s, {elapsed / per * 1000:5.2f} ms per object per writer")
    return rate

print(f"{n} objects of 526,000 bytes in {root}")
plain1 = run("write, no flush", 1, False)
flush1 = run("write + fdatasync + fsync", 1, True)
plain4 = run("write, no flush", 4, False)
flush4 = run("write + fdatasync + fsync", 4, True)
print(f"durable / plain: {flush1 / plain1:.2f} (1 writer)  {flush4 / plain4:.2f} (4 writers)")
overwrite(n)
PY
