#!/usr/bin/env bash
# Benchmark (not a test): predict-tests' impact analysis as shipped (Native AOT) on a generated repository
# — SOURCES source files of three functions each, SPECS test files that all import one hub (so the import graph selects
# every test), one Istanbul coverage-final.json per test (its module's files and the hub's, as vitest's v8 provider
# writes them) — then: learn over LEARN coverage files (median of ROUNDS), learn over all of them, and plan a
# 20-file change with that data and without it (median of ROUNDS each). Leaves nothing in the repository.
#   usage: scripts/bench-impact.sh            (SOURCES=20000 SPECS=2000 LEARN=1000 ROUNDS=3 WORK=)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/ensure-tools.sh"; ensure_dotnet
SOURCES=${SOURCES:-20000} SPECS=${SPECS:-2000} LEARN=${LEARN:-1000} ROUNDS=${ROUNDS:-3}
work=${WORK:-$(mktemp -d)}; mkdir -p "$work"
echo "== publishing predict-tests"
dotnet publish "$root/actions/predict-tests" -c Release -r linux-x64 -o "$work/app" -p:NuGetLockFilePath="$work/predict-tests-$RANDOM.lock.json" -v quiet -nologo >/dev/null
repo=$work/repo
if [ ! -d "$repo/.git" ]; then
  echo "== generating $SOURCES source files, $SPECS tests and their coverage"
  python3 - "$repo" "$SOURCES" "$SPECS" <<'PY'
import json, os, random, sys
root, n, specs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(11)
def path(i): return f"src/m{i // 100}/f{i}.ts"
def body(i):
    return "".join(f"export function f{i}_{k}(x: number) {{\n  const y = x + {k};\n  if (y > {i}) {{\n    return y * 2;\n  }}\n  return y;\n}}\n\n" for k in range(3))
for i in range(n):
    p = os.path.join(root, path(i)); os.makedirs(os.path.dirname(p), exist_ok=True)
    # Each module's first file re-exports the rest of its module (after its functions, so their lines hold): a test
    # importing it reaches all of them.
    tail = "".join(f"export * from './f{j}';\n" for j in range(i + 1, i + 100)) if i % 100 == 0 else ""
    open(p, "w").write(body(i) + tail)
# The hub: one index re-exporting the first 50 files; every test imports it (a namespace of everything).
open(os.path.join(root, "src/index.ts"), "w").write("".join(f"export * from './m{i // 100}/f{i}';\n" for i in range(50)))
modules = n // 100
os.makedirs(os.path.join(root, "coverage/per-test"), exist_ok=True)
def entry(i, called):
    statements, fns, s, f = {}, {}, {}, {}
    for k in range(3):
        start = 1 + k * 8
        fns[str(k)] = {"name": f"f{i}_{k}", "decl": {"start": {"line": start, "column": 16}, "end": {"line": start, "column": 20}},
                       "loc": {"start": {"line": start, "column": 0}, "end": {"line": start + 6, "column": 1}}, "line": start}
        f[str(k)] = 1 if k in called else 0
        for line in range(start, start + 7):
            sid = str(len(statements))
            statements[sid] = {"start": {"line": line, "column": 0}, "end": {"line": line, "column": 20}}
            s[sid] = 1 if (line == start or k in called) else 0
    return {"path": f"/home/runner/work/bench/bench/{path(i)}", "statementMap": statements, "fnMap": fns, "branchMap": {}, "s": s, "f": f, "b": {}}
for t in range(specs):
    m = 1 + t % max(1, modules - 1)
    test = f"tests/m{m}/t{t}.test.ts"
    p = os.path.join(root, test); os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, "w").write(f"import * as lib from '../../src/index';\nimport {{ f{m * 100}_0 }} from '../../{path(m * 100)[:-3]}';\ntest('t{t}', () => lib);\n")
    files = {i: {random.randrange(3)} if random.random() < 0.3 else set() for i in range(50)}
    for i in random.sample(range(m * 100, m * 100 + 100), 20):
        files[i] = {random.randrange(3)}
    cov = {f"/home/runner/work/bench/bench/{path(i)}": entry(i, called) for i, called in files.items()}
    out = os.path.join(root, "coverage/per-test", test); os.makedirs(out, exist_ok=True)
    json.dump(cov, open(os.path.join(out, "coverage-final.json"), "w"))
open(os.path.join(root, "package.json"), "w").write('{"name":"bench","private":true}\n')
open(os.path.join(root, ".gitignore"), "w").write("coverage/\n.bookiji/\nlearn-*/\n")
PY
  git -C "$repo" init -q -b main && git -C "$repo" add -A && git -C "$repo" -c user.name=b -c user.email=b@b commit -qm analysed
fi
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { (cd "$repo" && env GITHUB_WORKSPACE="$repo" RUNNER_TEMP="$work" GITHUB_OUTPUT="$work/out" "$@" "$work/app/predict-tests" > "$work/run.log" 2>&1); }
: > "$work/out"
echo "== learn over $LEARN coverage files ($ROUNDS runs)"
rm -rf "$repo/learn-subset" && mkdir -p "$repo/learn-subset"
mapfile -t files < <(cd "$repo/coverage/per-test" && find . -name coverage-final.json | sort)
for f in "${files[@]:0:$LEARN}"; do mkdir -p "$repo/learn-subset/$(dirname "$f")"; cp "$repo/coverage/per-test/$f" "$repo/learn-subset/$f"; done
echo "   $(du -sh "$repo/learn-subset" | cut -f1) of coverage"
times=()
for _ in $(seq "$ROUNDS"); do
  start=$(date +%s%N); run INPUT_MODE=learn INPUT_COVERAGE-DIR="$repo/learn-subset" INPUT_IMPACT-DATA="$work/learn-subset.json.gz"; times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
echo "learn ($LEARN files): runs ${times[*]} ms, median $(printf '%s\n' "${times[@]}" | median) ms; $(grep -o 'Impact data for.*' "$work/run.log")"
echo "== learn over all $SPECS coverage files"
start=$(date +%s%N); run INPUT_MODE=learn INPUT_COVERAGE-DIR="$repo/coverage/per-test" INPUT_IMPACT-DATA="$repo/.bookiji/impact-data.json.gz"
echo "learn ($SPECS files): $(( ($(date +%s%N) - start) / 1000000 )) ms; $(grep -o 'Impact data for.*' "$work/run.log")"
if [ "$(git -C "$repo" rev-list --count HEAD)" = 1 ]; then
  # The change: one function body in each of 3 hub files (every test imports them) and of 17 files of module 1.
  python3 - "$repo" <<'PY'
import sys
root = sys.argv[1]
for i in [0, 1, 2] + list(range(101, 118)):
    p = f"{root}/src/m{i // 100}/f{i}.ts"; t = open(p).read().replace("  const y = x + 1;", "  const y = x + 1 + 0;", 1); open(p, "w").write(t)
PY
  git -C "$repo" -c user.name=b -c user.email=b@b commit -qam change
fi
for mode in impact graph; do
  times=(); plans=()
  for _ in $(seq "$ROUNDS"); do
    data=$([ "$mode" = impact ] && echo "$repo/.bookiji/impact-data.json.gz" || echo "$work/none.json.gz")
    start=$(date +%s%N); run INPUT_BASE-REF=HEAD~1 INPUT_HIGH-RISK-RUN-ALL=false INPUT_IMPACT-DATA="$data" INPUT_PLAN-FILE="$work/ci-plan-$mode.json"; times+=($(( ($(date +%s%N) - start) / 1000000 )))
    plans+=($(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['timings']; print(round(t.get('impactMs',0)+t['planMs']))" "$work/ci-plan-$mode.json"))
  done
  selected=$(python3 -c "import json,sys; p=json.load(open(sys.argv[1])); print(len(p['tests']), 'of', p['skippedCount']+len(p['tests']), 'tests', '(run all)' if p['runAll'] else '')" "$work/ci-plan-$mode.json")
  phases=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timings'])" "$work/ci-plan-$mode.json")
  echo "plan ($mode): runs ${times[*]} ms, median $(printf '%s\n' "${times[@]}" | median) ms; impact+plan phases median $(printf '%s\n' "${plans[@]}" | median) ms; selected $selected; last run's phases (ms): $phases"
done
git -C "$root" status --short | grep -q . && echo "warning: the repository is not clean" || true
