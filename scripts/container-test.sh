#!/usr/bin/env bash
# Builds the real root Dockerfile with podman (no Docker engine needed) and runs each built action's
# container exactly as the Actions runner does, checking its files and outputs.
#   usage: scripts/container-test.sh        (CONTAINER_WORK=/path to move the image cache)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/podman.sh"
t0=$(date +%s); step() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }
fail() { echo "container-test: FAIL: $*" >&2; exit 1; }

ensure_podman
ensure_base_images
step "building $root/Dockerfile"
image=localhost/bookiji-actions:test
build_actions_image "$root" "$image"
pm image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep bookiji-actions || true

passed=0; failed=0
check() { if eval "$2"; then passed=$((passed+1)); echo "ok - $1"; else failed=$((failed+1)); echo "not ok - $1"; fi; }

step "deploy-metadata: pull_request run with an ephemeral-env descriptor"
run=$(mktemp -d); trap 'rm -rf "$run"' EXIT
mkdir -p "$run/workspace" "$run/workflow"
echo '{"appEnv":"pr_7","baseUrl":"https://pr-7.bookiji.com"}' > "$run/workspace/.ephemeral-env.json"
echo '{"action":"synchronize","number":7,"pull_request":{"number":7}}' > "$run/workflow/event.json"
sha=9fceb02d0ae598e95dc970b74767f19372d61af8
run_action "$image" deploy-metadata "$run" \
  -e GITHUB_SHA=$sha -e GITHUB_REPOSITORY=bookiji/bookiji -e GITHUB_RUN_ID=99 -e GITHUB_EVENT_NAME=pull_request \
  -e INPUT_SHA= -e INPUT_PREVIEW-URL= -e INPUT_PRODUCTION-URL=https://www.bookiji.com \
  -e INPUT_EPHEMERAL-ENV-FILE=.ephemeral-env.json -e INPUT_OUTPUT-DIR=deploy-metadata -e INPUT_FAIL-ON-ERROR=false \
  > "$run/log" 2>&1 || fail "the container exited non-zero: $(cat "$run/log")"
record="$run/workspace/deploy-metadata/deploy-$sha.json"
check "record written at deploy-metadata/deploy-<sha>.json" "[ -f '$record' ]"
check "record has the brief's fields" "grep -q '\"sha\": \"$sha\"' '$record' && grep -q '\"previewUrl\": \"https://pr-7.bookiji.com/\"' '$record' && grep -q '\"productionUrl\": \"https://www.bookiji.com/\"' '$record' && grep -qE '\"createdAt\": \"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\"' '$record'"
check "output path (heredoc)" "grep -qx 'deploy-metadata/deploy-$sha.json' '$run/file_commands/set_output' && grep -q '^path<<ghadelimiter_' '$run/file_commands/set_output'"
check "output sha" "grep -A1 '^sha<<ghadelimiter_' '$run/file_commands/set_output' | grep -qx '$sha'"
check "step summary written" "grep -q '<h2>Deploy metadata</h2>' '$run/file_commands/step_summary'"

step "deploy-metadata: bad input is an annotation naming it, exit 0 (non-blocking)"
run2=$(mktemp -d); trap 'rm -rf "$run" "$run2"' EXIT
code=0
run_action "$image" deploy-metadata "$run2" -e GITHUB_SHA=$sha -e INPUT_SHA=abc123 > "$run2/log" 2>&1 || code=$?
check "exit 0 on bad input" "[ $code -eq 0 ]"
check "error annotation names the input" "grep -q \"^::error title=deploy-metadata%3A invalid input 'sha'::\" '$run2/log'"
check "nothing written" "[ ! -e '$run2/workspace/deploy-metadata' ]"

step "ephemeral-env: create on a PR against a real PostgreSQL, then destroy on close"
source "$root/scripts/lib/postgres.sh"
start_pg
run3=$(mktemp -d); trap 'rm -rf "$run" "$run2" "$run3"; stop_pg' EXIT
mkdir -p "$run3/workflow"
echo '{"action":"opened","number":42,"pull_request":{"number":42,"head":{"ref":"feature/x","sha":"1234567890abcdef1234567890abcdef12345678"}}}' > "$run3/workflow/event.json"
env_inputs=(-e GITHUB_EVENT_NAME=pull_request -e GITHUB_REPOSITORY=bookiji/bookiji -e INPUT_MODE=auto -e "INPUT_DATABASE-URL=$PG_URL"
  -e INPUT_SCHEMA-PREFIX=bookiji_ -e "INPUT_BASE-URL-TEMPLATE=https://pr-{number}.bookiji.com" -e INPUT_REDIS-PREFIX=bookiji:
  -e INPUT_CREATE-ROLE=true -e INPUT_TTL=7d -e INPUT_DESCRIPTOR-DIR=env-descriptors -e INPUT_DESCRIPTOR-FILE=.ephemeral-env.json)
run_action "$image" ephemeral-env "$run3" "${env_inputs[@]}" > "$run3/log" 2>&1 || fail "ephemeral-env exited non-zero: $(cat "$run3/log")"
check "schema bookiji_pr_42 exists" "[ \"\$(psql_q \"select count(*) from pg_namespace where nspname = 'bookiji_pr_42'\")\" = 1 ]"
check "descriptor written" "grep -q '\"schemaName\": \"bookiji_pr_42\"' '$run3/workspace/.ephemeral-env.json' && [ -f '$run3/workspace/env-descriptors/pr_42.json' ]"
check "outputs base-url and schema-created" "grep -qx 'https://pr-42.bookiji.com/' '$run3/file_commands/set_output' && grep -A1 '^schema-created<<' '$run3/file_commands/set_output' | grep -qx true"
pw=${PG_URL#postgres://postgres:}; pw=${pw%%@*}
check "the database password is masked in the log and absent from every file" "grep -q '::add-mask::$pw' '$run3/log' && [ \"\$(grep -v '::add-mask::' '$run3/log' | grep -c '$pw')\" = 0 ] && ! grep -rq '$pw' '$run3/workspace'"
echo '{"action":"closed","number":42,"pull_request":{"number":42}}' > "$run3/workflow/event.json"
run_action "$image" ephemeral-env "$run3" "${env_inputs[@]}" > "$run3/log2" 2>&1 || fail "ephemeral-env destroy exited non-zero: $(cat "$run3/log2")"
check "closed PR destroys the schema and role" "[ \"\$(psql_q \"select count(*) from pg_namespace where nspname = 'bookiji_pr_42'\")\" = 0 ] && [ \"\$(psql_q \"select count(*) from pg_roles where rolname = 'bookiji_pr_42_owner'\")\" = 0 ]"

step "predict-tests: a push to a real git repository (git inside the container)"
run4=$(mktemp -d); trap 'rm -rf "$run" "$run2" "$run3" "$run4"; stop_pg' EXIT
ws=$run4/workspace; mkdir -p "$ws/src/lib" "$ws/src/booking" "$ws/tests/e2e" "$ws/tests/config"
git -C "$ws" init -q -b main
echo '{"booking":["tests/e2e/booking-flow.spec.ts"],"auth":["tests/e2e/auth.spec.ts"]}' > "$ws/tests/config/test-map.json"
echo 'export const today = () => 1;' > "$ws/src/lib/date.ts"
echo "import { today } from '../lib/date'; export const create = today;" > "$ws/src/booking/create.ts"
echo "import { create } from '../../src/booking/create'; test('b', create);" > "$ws/tests/e2e/booking-flow.spec.ts"
echo "test('a', () => {});" > "$ws/tests/e2e/auth.spec.ts"
git -C "$ws" add -A; git -C "$ws" -c user.name=t -c user.email=t@t commit -qm base
echo 'export const today = () => 2;' > "$ws/src/lib/date.ts"
git -C "$ws" -c user.name=t -c user.email=t@t commit -qam change
chown -R 1001:1001 "$ws"   # as on a runner: the workspace is not root's
run_action "$image" predict-tests "$run4" -e GITHUB_EVENT_NAME=push -e INPUT_MODE=plan -e INPUT_WORKING-DIRECTORY=. \
  -e INPUT_TEST-MAP=tests/config/test-map.json -e INPUT_PLAN-FILE=ci-plan.json -e INPUT_MAX-SHARDS=4 > "$run4/log" 2>&1 \
  || fail "predict-tests exited non-zero: $(cat "$run4/log")"
check "ci-plan.json selects the importing spec" "grep -q '\"risk\": \"medium\"' '$ws/ci-plan.json' && grep -q 'tests/e2e/booking-flow.spec.ts' '$ws/ci-plan.json' && ! grep -q 'auth.spec.ts' '$ws/ci-plan.json'"
check "outputs risk, shard-count and run-all" "grep -A1 '^risk<<' '$run4/file_commands/set_output' | grep -qx medium && grep -A1 '^run-all<<' '$run4/file_commands/set_output' | grep -qx false"
check "no git ownership error (safe.directory)" "! grep -qi 'dubious ownership' '$run4/log'"

step "traffic-shadow: replay at a loopback service (python http.server), absolute thresholds"
run5=$(mktemp -d); trap 'rm -rf "$run" "$run2" "$run3" "$run4" "$run5"; stop_pg; [ -n "${web_pid:-}" ] && kill "$web_pid" 2>/dev/null' EXIT
mkdir -p "$run5/site/api" "$run5/workspace/traffic-samples"; echo ok > "$run5/site/index.html"; echo '{"status":"ok"}' > "$run5/site/api/health"
web_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$web_port" --bind 127.0.0.1 --directory "$run5/site" >/dev/null 2>&1 & web_pid=$!
for i in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$web_port) 2>/dev/null && break; sleep 0.1; done
echo '[{"method":"GET","path":"/"},{"method":"GET","path":"/api/health"},{"method":"GET","path":"/missing"}]' > "$run5/workspace/traffic-samples/booking-sample.json"
run_action "$image" traffic-shadow "$run5" -e "CANARY_URL=http://127.0.0.1:$web_port/" -e INPUT_REPEAT=30 -e INPUT_CONCURRENCY=4 \
  -e INPUT_RESULTS-PATH=traffic-shadow-results.json -e INPUT_MAX-ERROR-RATE=1 > "$run5/log" 2>&1 || fail "traffic-shadow exited non-zero: $(cat "$run5/log")"
res=$run5/workspace/traffic-shadow-results.json
check "results with the brief's fields" "grep -q '\"totalRequests\": 90' '$res' && grep -q '\"200\": 60' '$res' && grep -q '\"404\": 30' '$res' && grep -q '\"p95Latency\"' '$res'"
check "verdict promote (4xx are not server errors)" "grep -A1 '^verdict<<' '$run5/file_commands/set_output' | grep -qx promote"

step "done"
echo "container-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
