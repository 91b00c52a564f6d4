#!/usr/bin/env bash
# Cloud tier upload throughput and recall latency, against s3rver (npm, in
# tests/cloud/s3rver) on 127.0.0.1, in one run:
#   1. awscli: `aws s3 cp --recursive` of N instances into one bucket;
#   2. Kilima: the same files imported, then `kilima-node sync run` into
#      another bucket (upload + verification by MD5/ETag of every object);
#   3. recall: every instance evicted, then the time to hand out one series
#      again (bench_cloud_recall).
#
#   bench/bench_cloud.sh [BUILD_DIR] [INSTANCES]
#
# Prints instances/s and MB/s for both, the ratio Kilima/awscli (goal >= 1.0)
# and the recall latency. Needs awscli, node and s3rver
# (installers/install-deps.sh), and ../shared/testdata (the real CT).
set -euo pipefail
build="${1:-build/release}"
instances="${2:-2000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/kilima-bench-cloud-XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() { for _ in $(seq 1 300); do (echo > /dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; return 1; }
now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }

"$build/bench/bench_import" --series ct --instances "$instances" --prepare-only "$work/input" >/dev/null
mb=$(du -sm "$work/input" | cut -f1)
echo "input: $instances CT instances ($mb MB)"

port=$(free_port)
mkdir -p "$work/s3"
node --openssl-legacy-provider "$root/tests/cloud/s3rver/node_modules/s3rver/bin/s3rver.js" \
  -d "$work/s3" -a 127.0.0.1 -p "$port" --silent &
pids+=($!)
wait_port "$port"
endpoint="http://127.0.0.1:$port"
export AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
aws --endpoint-url "$endpoint" s3api create-bucket --bucket bench-awscli >/dev/null
aws --endpoint-url "$endpoint" s3api create-bucket --bucket bench-kilima >/dev/null

t0=$(now)
aws --endpoint-url "$endpoint" s3 cp --recursive --only-show-errors "$work/input" s3://bench-awscli/ 
t1=$(now)
aws_s=$(calc "$t1 - $t0")

data="$work/kilima"
"$build/app/node/kilima-node" --data-dir "$data" import "$work/input" >/dev/null
"$build/app/node/kilima-node" --data-dir "$data" cloud configure --endpoint "$endpoint" --bucket bench-kilima --path-style >/dev/null
t0=$(now)
"$build/app/node/kilima-node" --data-dir "$data" sync run >/dev/null
t1=$(now)
kil_s=$(calc "$t1 - $t0")

count() { aws --endpoint-url "$endpoint" s3 ls --recursive "s3://$1/" | wc -l; }
n_aws=$(count bench-awscli)
n_kil=$(count bench-kilima)
printf "awscli s3 cp --recursive: %d objects in %.2f s: %.0f instances/s, %.1f MB/s\n" "$n_aws" "$aws_s" "$(calc "$n_aws / $aws_s")" "$(calc "$mb / $aws_s")"
printf "kilima-node sync run:     %d objects in %.2f s: %.0f instances/s, %.1f MB/s (uploaded and verified)\n" "$n_kil" "$kil_s" "$(calc "$n_kil / $kil_s")" "$(calc "$mb / $kil_s")"
printf "ratio Kilima/awscli: %.2fx\n" "$(calc "$aws_s / $kil_s")"

# Recall: evict everything (verified copies only), then one series back.
python3 - "$data/kilima.json" <<'PY'
import json, sys
p = sys.argv[1]
c = json.load(open(p))
c.setdefault("cloud", {})["evictAfterDays"] = 0
json.dump(c, open(p, "w"), indent=2)
PY
"$build/app/node/kilima-node" --data-dir "$data" sync run >/dev/null
"$build/bench/bench_cloud_recall" --data-dir "$data"
