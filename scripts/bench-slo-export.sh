#!/usr/bin/env bash
# Benchmark (not a test): slo-export as shipped (Native AOT) over 10,000 CI metrics files (20 booking samples
# and health each): wall clock process start → summary + timeseries written, and max RSS; median of 3 runs.
#   usage: scripts/bench-slo-export.sh      (FILES=10000 RUNS=3 WINDOW=50)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/ensure-tools.sh"; ensure_dotnet
command -v clang >/dev/null || apt_install clang zlib1g-dev
[ -x /usr/bin/time ] || apt_install time
FILES=${FILES:-10000} RUNS=${RUNS:-3} WINDOW=${WINDOW:-50}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

echo "== publishing slo-export (Native AOT)"
dotnet publish "$root/actions/slo-export" -c Release -r linux-x64 -o "$work/aot" -p:NuGetLockFilePath="$work/slo-export-$RANDOM.lock.json" -v quiet -nologo >/dev/null

echo "== generating $FILES metrics files"
mkdir -p "$work/ws/ci-metrics" "$work/fc"
python3 - "$work/ws/ci-metrics" "$FILES" <<'PY'
import json, random, sys, datetime
folder, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
end = datetime.datetime(2025, 12, 7, 2, 0, 0)
for i in range(n):
    t = end - datetime.timedelta(minutes=10 * (n - 1 - i))
    failed = 1 if random.random() < 0.03 else 0
    doc = {"schemaVersion": 1, "timestamp": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "commitSha": f"{i // 3:040x}", "runId": 100000 + i,
           "runAttempt": 1, "workflow": "ci-e2e", "passed": failed == 0,
           "tests": {"total": 120, "passed": 120 - failed, "failed": failed, "skipped": 0},
           "bookingLatenciesMs": [round(random.gauss(340, 70), 1) for _ in range(20)],
           "health": {"checks": 60, "failures": 1 if random.random() < 0.01 else 0}}
    with open(f"{folder}/run-{100000 + i}-1.json", "w") as f:
        json.dump(doc, f)
PY

export GITHUB_WORKSPACE=$work/ws GITHUB_ACTIONS=true CI=true GITHUB_OUTPUT=$work/fc/out GITHUB_STEP_SUMMARY=$work/fc/summary INPUT_WINDOW=$WINDOW
echo "== $RUNS runs (after one warm-up)"
"$work/aot/slo-export" >/dev/null
for ((i = 0; i < RUNS; i++)); do
  : > "$GITHUB_OUTPUT"; rm -rf "$work/ws/slo"
  /usr/bin/time -f "%e %M" -o "$work/time.$i" "$work/aot/slo-export" > "$work/log.$i"
  grep -q '^summary-path<<' "$GITHUB_OUTPUT" || { echo "run $i wrote no outputs"; cat "$work/log.$i"; exit 1; }
done
python3 - "$work" "$RUNS" "$FILES" <<'PY'
import sys, json, statistics
work, runs, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
samples = [tuple(map(float, open(f"{work}/time.{i}").read().split())) for i in range(runs)]
secs = [s for s, _ in samples]; rss = [k / 1024 for _, k in samples]
summary = json.load(open(f"{work}/ws/slo/slo-summary.json"))
print(f"| {files:,} files, window {summary['window']['runs']} runs | runs {' '.join(f'{s:.2f}' for s in secs)} s, **median {statistics.median(secs):.2f} s** | max RSS **{max(rss):.0f} MB** | {summary['dataQuality']['runsAccepted']:,} runs accepted |")
PY
