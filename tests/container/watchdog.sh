# Container scenarios for watchdog, sourced by scripts/container-test.sh (which defines step, check, fail,
# run_action, $image and $root). Each scenario runs the built image exactly as the Actions runner does.
step "watchdog: scheduled dry-run against a loopback production without a booking endpoint"
source "$root/scripts/lib/static-site.sh"
run6=$(mktemp -d); cleanups+=("rm -rf '$run6'" stop_site)
# nginx serves files: api/health is a file, api/health/bookings does not exist (404 → degraded).
mkdir -p "$run6/site/api"; echo '{"status":"ok"}' > "$run6/site/api/health"
start_site "$run6/site"
mkdir -p "$run6/workflow"; echo '{"schedule":"7,17,27,37,47,57 * * * *"}' > "$run6/workflow/event.json"
run_action "$image" watchdog "$run6" -e GITHUB_EVENT_NAME=schedule -e GITHUB_REPOSITORY=bookiji/bookiji -e GITHUB_RUN_ID=99 \
  -e "WATCHDOG_TARGET_URL=$SITE_URL_FOR_CONTAINERS" -e "INPUT_CONTROL-URL=$SITE_URL_FOR_CONTAINERS/" \
  -e INPUT_BOOKINGS-ENDPOINT=/api/health/bookings -e INPUT_RETRY-DELAY=50ms -e INPUT_DRY-RUN=true -e INPUT_FAIL-ON-ERROR=false \
  > "$run6/log" 2>&1 || fail "watchdog exited non-zero: $(cat "$run6/log")"
res=$run6/workspace/watchdog-result.json
check "result with status degraded and both checks" "grep -q '\"status\": \"degraded\"' '$res' && grep -q '\"name\": \"health\"' '$res' && grep -q '\"statusCode\": 404' '$res'"
check "output status (heredoc)" "grep -A1 '^status<<ghadelimiter_' '$run6/file_commands/set_output' | grep -qx degraded"
check "dry-run prints the issue it would open" "grep -q 'Title: \[incident\] Production degradation detected' '$run6/log'"
check "no state written in dry-run" "[ ! -e '$run6/workspace/.watchdog/state.json' ]"
check "step summary written" "grep -q '<h2>Production watchdog</h2>' '$run6/file_commands/step_summary'"
