#!/usr/bin/env bash
# Benchmark (not a test): predict-tests with impact data on a real repository's history. Takes per-test coverage that
# was collected at a few base commits (one folder per base SHA, each holding coverage/<test file>/coverage-final.json,
# the layout of learn mode — docs/benchmarks.md gives the per-file commands), learns impact data at each base, and
# evaluates the commits after it up to the next base (or HEAD) with that ageing data, beside the import graph. Prints
# the totals over all segments and writes each segment's report to WORK. Changes nothing in REPO (worktrees in WORK).
#   usage: REPO=/path/to/clone COVERAGE=/path/with/<sha>/coverage HEAD=<sha> scripts/bench-impact-history.sh   (WORK=)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/ensure-tools.sh"; ensure_dotnet
: "${REPO:?REPO=a clone with history}" "${COVERAGE:?COVERAGE=folder of <base sha>/coverage}" "${HEAD:?HEAD=the last commit to evaluate}"
work=${WORK:-$(mktemp -d)}; mkdir -p "$work"
if [ ! -x "$work/app/predict-tests" ]; then
  echo "== publishing predict-tests"
  dotnet publish "$root/actions/predict-tests" -c Release -r linux-x64 -o "$work/app" -p:NuGetLockFilePath="$work/predict-tests-$RANDOM.lock.json" -v quiet -nologo >/dev/null
fi
# Bases oldest first (by their position in HEAD's history).
mapfile -t bases < <(for d in "$COVERAGE"/*/coverage; do b=$(basename "$(dirname "$d")"); echo "$(git -C "$REPO" rev-list --count "$b") $b"; done | sort -n | cut -d' ' -f2)
cleanup() { for t in "$work"/tree-*; do [ -d "$t" ] && git -C "$REPO" worktree remove --force "$t" >/dev/null 2>&1; done; git -C "$REPO" worktree prune; }
trap cleanup EXIT
reports=()
for i in "${!bases[@]}"; do
  base=${bases[$i]}; end=${bases[$((i + 1))]:-$HEAD}
  count=$(git -C "$REPO" rev-list --no-merges --count "$base..$end")
  echo "== base ${base:0:12}: learn, then evaluate $count commit(s) up to ${end:0:12}"
  for sha in "$base" "$end"; do
    [ -d "$work/tree-$sha" ] || git -C "$REPO" worktree add -f --detach "$work/tree-$sha" "$sha" >/dev/null 2>&1
  done
  : > "$work/out"
  # The coverage folder is the run's RUNNER_TEMP (inputs stay inside the workspace or it); the data lands in the tree.
  (cd "$work/tree-$base" && env GITHUB_WORKSPACE="$work/tree-$base" RUNNER_TEMP="$COVERAGE" GITHUB_OUTPUT="$work/out" INPUT_MODE=learn \
     INPUT_COVERAGE-DIR="$COVERAGE/$base/coverage" INPUT_IMPACT-DATA=.bookiji/impact.json.gz "$work/app/predict-tests" > "$work/learn-$base.log")
  grep -o 'Impact data for.*' "$work/learn-$base.log" || { grep -v '::debug' "$work/learn-$base.log" | tail -3; exit 1; }
  mkdir -p "$work/tree-$end/.bookiji" && cp "$work/tree-$base/.bookiji/impact.json.gz" "$work/tree-$end/.bookiji/impact-$base.json.gz"
  (cd "$work/tree-$end" && env GITHUB_WORKSPACE="$work/tree-$end" RUNNER_TEMP="$work" GITHUB_OUTPUT="$work/out" INPUT_MODE=evaluate \
     INPUT_EVALUATE-COMMITS="$count" INPUT_EVALUATE-OUTPUT="$work/eval-$base" INPUT_IMPACT-DATA=".bookiji/impact-$base.json.gz" "$work/app/predict-tests" > "$work/eval-$base.log")
  reports+=("$work/eval-$base.json")
done
python3 - "${reports[@]}" <<'PY'
import json, sys
rows = [c for path in sys.argv[1:] for c in json.load(open(path))["commits"] if c.get("impact")]
if not rows: sys.exit("no commit was evaluated with impact data")
n = len(rows)
def mean(xs): return sum(xs) / len(xs)
ratio = lambda s, t: 1 if t == 0 else s / t
imp = [r["impact"] for r in rows]
print(f"{n} commits evaluated with impact data (median age {sorted(i['ageCommits'] for i in imp)[n // 2]} commits)")
print(f"impact data:  change recall {mean([i['hits'] > 0 for i in imp]):.3f}  selection {mean([ratio(i['selected'], r['totalTests']) for i, r in zip(imp, rows)]):.3f}  run-all {mean([i['runAll'] for i in imp]):.3f}")
print(f"import graph: change recall {mean([r['hits'] > 0 for r in rows]):.3f}  selection {mean([ratio(r['selected'], r['totalTests']) for r in rows]):.3f}  run-all {mean([r['runAll'] for r in rows]):.3f}")
keys = ["lines", "fileLevel", "noData", "graphSmaller", "outsideFunctions", "declarations", "driftMapped", "driftEnclosing", "driftUnmappable"]
print("fallbacks: " + ", ".join(f"{k} {sum(i.get(k, 0) for i in imp)}" for k in keys))
misses = [r["sha"][:12] for r, i in zip(rows, imp) if i["hits"] == 0]
print("commits whose co-changed tests the impact plan missed: " + (", ".join(misses) or "none"))
PY
