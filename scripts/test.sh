#!/usr/bin/env bash
# Runs every test: the NUnit suite (unit + integration: real PostgreSQL, loopback HTTP fakes, git
# repositories in temp folders, the local runner) and the validation of every action.yml and workflow
# with GitHub's own parser. Installs what is missing first. Ends with "tests: N passed, N failed".
#   usage: scripts/test.sh [--fast] [extra dotnet test arguments, e.g. --filter Category=...]
#   --fast: the unit tier only (tests not marked [Category("Integration")]: no services, processes or files), no lint.
set -uo pipefail
fast=0
if [ "${1:-}" = --fast ]; then fast=1; shift; set -- --filter "TestCategory!=Integration" "$@"; fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/ensure-tools.sh
ensure_dotnet
if [ "$fast" -eq 0 ]; then
  ensure_postgres_server
  ensure_redis_server
  ensure_node
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
echo "== dotnet test"
dotnet test Bookiji.Actions.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" 2>&1 | tee "$results/dotnet.log"
dotnet_status=${PIPESTATUS[0]}

if [ "$fast" -eq 0 ]; then
  echo "== workflow and action.yml validation (GitHub's parser)"
  bash scripts/validate-workflows.sh 2>&1 | tee "$results/lint.log"
  lint_status=${PIPESTATUS[0]}
else
  : > "$results/lint.log"; lint_status=0
fi

# One closing line over both, counted from the TRX and the linter's per-file lines.
read -r passed failed < <(python3 - "$results" <<'PY' 2>/dev/null || echo "0 1"
import sys, glob, xml.etree.ElementTree as ET
passed = failed = 0
for trx in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(trx).getroot().find("{*}ResultSummary/{*}Counters")
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
lint = open(sys.argv[1] + "/lint.log").read().splitlines()
passed += sum(1 for l in lint if l.startswith("ok - "))
failed += sum(1 for l in lint if ": " in l and not l.startswith(("ok - ", "workflow-lint:")))
print(passed, failed)
PY
)
if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$lint_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed"
[ "$dotnet_status" -eq 0 ] && [ "$lint_status" -eq 0 ]
