# Container scenarios for deploy-metadata, sourced by scripts/container-test.sh (which defines step, check, fail,
# run_action, $image and $root). Each scenario runs the built image exactly as the Actions runner does.
step "deploy-metadata: pull_request run with an ephemeral-env descriptor"
run=$(mktemp -d); cleanups+=("rm -rf '$run'")
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
check "record has the brief's fields" "grep -q '\"sha\": \"$sha\"' '$record' && grep -q '\"previewUrl\": \"https://pr-7.bookiji.com\"' '$record' && grep -q '\"productionUrl\": \"https://www.bookiji.com\"' '$record' && grep -qE '\"createdAt\": \"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\"' '$record'"
check "output path (heredoc)" "grep -qx 'deploy-metadata/deploy-$sha.json' '$run/file_commands/set_output' && grep -q '^path<<ghadelimiter_' '$run/file_commands/set_output'"
check "output sha" "grep -A1 '^sha<<ghadelimiter_' '$run/file_commands/set_output' | grep -qx '$sha'"
check "step summary written" "grep -q '<h2>Deploy metadata</h2>' '$run/file_commands/step_summary'"

step "deploy-metadata: bad input is an annotation naming it, exit 0 (non-blocking)"
run2=$(mktemp -d); cleanups+=("rm -rf '$run2'")
code=0
run_action "$image" deploy-metadata "$run2" -e GITHUB_SHA=$sha -e INPUT_SHA=abc123 > "$run2/log" 2>&1 || code=$?
check "exit 0 on bad input" "[ $code -eq 0 ]"
check "error annotation names the input" "grep -q \"^::error title=deploy-metadata%3A invalid input 'sha'::\" '$run2/log'"
check "nothing written" "[ ! -e '$run2/workspace/deploy-metadata' ]"

