#!/usr/bin/env bash
# Benchmark (not a test): predict-tests as shipped (Native AOT) on a generated repository —
# 20,000 source files, 2,000 spec files, a layered import graph, a 1,000-file diff — median of 3 plans,
# side by side with `jest --findRelatedTests <files> --listTests` on the same tree (jest from npm, in a
# temp folder). With REPO=/path also replays that repository's history in evaluate mode.
#   usage: scripts/bench-predict-tests.sh            (SOURCES=20000 SPECS=2000 CHANGED=1000 ROUNDS=3 OLD_APP= SKIP_JEST=0 REPO= COMMITS=500 TRACE=true|false)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/ensure-tools.sh"; ensure_dotnet; ensure_node
SOURCES=${SOURCES:-20000} SPECS=${SPECS:-2000} CHANGED=${CHANGED:-1000}
work=${WORK:-$(mktemp -d)}; mkdir -p "$work"
echo "== publishing predict-tests"
dotnet publish "$root/actions/predict-tests" -c Release -r linux-x64 -o "$work/app" -p:NuGetLockFilePath="$work/predict-tests-$RANDOM.lock.json" -v quiet -nologo >/dev/null

repo=$work/repo
if [ ! -d "$repo/.git" ]; then
  echo "== generating $SOURCES source files, $SPECS specs"
  # Modules of 100 files: each file is imported by an earlier file of its module (a tree from the module's
  # entry), 5% also import a shared utility of module 0, and each module has SPECS/modules specs importing its
  # entry and one more of its files: the shape of a feature-sliced app with e2e specs per feature.
  python3 - "$repo" "$SOURCES" "$SPECS" <<'PY'
import os, random, sys
root, n, specs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(7)
modules = n // 100
imports = {i: [] for i in range(n)}
for m in range(modules):
    for j in range(1, 100):
        imports[m * 100 + random.randrange(j)].append(m * 100 + j)
for i in range(100, n):
    if random.random() < 0.05:
        imports[i].append(random.randrange(100))
def path(i): return f"src/m{i // 100}/f{i}.ts"
for i in range(n):
    p = os.path.join(root, path(i)); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        for d in imports[i]:
            rel = os.path.relpath(path(d), os.path.dirname(path(i)))[:-3]
            f.write(f"import {{ v{d} }} from '{rel if rel.startswith('.') else './' + rel}';\n")
        f.write(f"export const v{i} = {i};\n")
per = max(1, specs // modules)
for s in range(specs):
    m = (s // per) % modules
    p = os.path.join(root, f"tests/m{m}/t{s}.spec.ts"); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        for d in (m * 100, m * 100 + random.randrange(1, 100)):
            f.write(f"import {{ v{d} }} from '../../{path(d)[:-3]}';\n")
        f.write(f"test('t{s}', () => {{}});\n")
with open(os.path.join(root, "package.json"), "w") as f: f.write('{"name":"bench","private":true}\n')
os.makedirs(os.path.join(root, "tests/config"), exist_ok=True)
with open(os.path.join(root, "tests/config/test-map.json"), "w") as f: f.write("{}\n")
PY
  git -C "$repo" init -q -b main && git -C "$repo" add -A && git -C "$repo" -c user.name=b -c user.email=b@b commit -qm base
  # The change: 1,000 source files in the modules after the shared one (a large refactor of a few features).
  python3 - "$repo" "$SOURCES" "$CHANGED" <<'PY'
import random, sys
root, n, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(100, 100 + k):
    with open(f"{root}/src/m{i // 100}/f{i}.ts", "a") as f: f.write("// changed\n")
PY
  git -C "$repo" -c user.name=b -c user.email=b@b commit -qam change
fi
git -C "$repo" diff --name-only HEAD~1 > "$work/changed.txt"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# OLD_APP=/dir/of/an/earlier/publish pairs each round with that build (old then new) on the shared machine.
ROUNDS=${ROUNDS:-3}
echo "== predict-tests plan ($ROUNDS runs${OLD_APP:+, paired with $OLD_APP})"
: > "$work/out"
plan_ms() {
  local t0; t0=$(date +%s%N)
  (cd "$repo" && env GITHUB_WORKSPACE="$repo" GITHUB_OUTPUT="$work/out" INPUT_BASE-REF=HEAD~1 INPUT_HIGH-RISK-RUN-ALL=false "$1/predict-tests" > "$work/plan.log")
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
times=(); old_times=()
for i in $(seq 1 "$ROUNDS"); do
  if [ -n "${OLD_APP:-}" ]; then old_times+=($(plan_ms "$OLD_APP")); fi
  times+=($(plan_ms "$work/app"))
done
selected=$(python3 -c "import json;d=json.load(open('$repo/ci-plan.json'));print(len(d['tests']), d['runAll'])")
echo "predict-tests: runs ${times[*]} ms, median $(printf '%s\n' "${times[@]}" | median) ms; selected/runAll: $selected"
if [ -n "${OLD_APP:-}" ]; then echo "old build: runs ${old_times[*]} ms, median $(printf '%s\n' "${old_times[@]}" | median) ms"; fi

if [ "${SKIP_JEST:-0}" != 1 ]; then
  if [ ! -x "$work/jest/node_modules/.bin/jest" ]; then
    echo "== installing jest@29 from npm into $work/jest"
    mkdir -p "$work/jest" && (cd "$work/jest" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error jest@29 >/dev/null)
  fi
  cat > "$work/jest.config.js" <<JS
module.exports = { rootDir: "$repo", testMatch: ["**/*.spec.ts"], moduleFileExtensions: ["ts", "js"], watchman: false, cacheDirectory: "$work/jest-cache" };
JS
  echo "== jest --findRelatedTests (3 runs, cache cleared each time: cold, as in CI)"
  jtimes=()
  for i in 1 2 3; do
    rm -rf "$work/jest-cache"
    t0=$(date +%s%N)
    "$work/jest/node_modules/.bin/jest" --config "$work/jest.config.js" --findRelatedTests $(sed "s#^#$repo/#" "$work/changed.txt") --listTests > "$work/jest.out" 2>/dev/null
    jtimes+=($(( ($(date +%s%N) - t0) / 1000000 )))
  done
  echo "jest: runs ${jtimes[*]} ms, median $(printf '%s\n' "${jtimes[@]}" | median) ms; listed $(grep -c spec.ts "$work/jest.out") tests"
fi

if [ -n "${REPO:-}" ]; then
  echo "== evaluate mode on $REPO"
  # The report goes to $work, outside the repository: RUNNER_TEMP is the other root paths may use.
  (cd "$REPO" && env GITHUB_WORKSPACE="$REPO" RUNNER_TEMP="$work" GITHUB_OUTPUT="$work/out" INPUT_MODE=evaluate INPUT_EVALUATE-COMMITS="${COMMITS:-500}" \
     INPUT_EVALUATE-OUTPUT="$work/evaluation" ${TEST_PATTERNS:+"INPUT_TEST-PATTERNS=$TEST_PATTERNS"} ${TRACE:+"INPUT_TRACE-REEXPORTS=$TRACE"} "$work/app/predict-tests")
fi
