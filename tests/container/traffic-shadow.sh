# Container scenarios for traffic-shadow, sourced by scripts/container-test.sh (which defines step, check, fail,
# run_action, $image and $root). Each scenario runs the built image exactly as the Actions runner does.
step "traffic-shadow: replay at a loopback service (nginx), absolute thresholds"
source "$root/scripts/lib/static-site.sh"
run5=$(mktemp -d); cleanups+=("rm -rf '$run5'" stop_site)
mkdir -p "$run5/site/api" "$run5/workspace/traffic-samples"; echo ok > "$run5/site/index.html"; echo '{"status":"ok"}' > "$run5/site/api/health"
start_site "$run5/site"; failed_before=$failed
echo '[{"method":"GET","path":"/"},{"method":"GET","path":"/api/health"},{"method":"GET","path":"/missing"}]' > "$run5/workspace/traffic-samples/booking-sample.json"
run_action "$image" traffic-shadow "$run5" -e "CANARY_URL=$SITE_URL_FOR_CONTAINERS/" -e INPUT_REPEAT=30 -e INPUT_CONCURRENCY=4 \
  -e INPUT_RESULTS-PATH=traffic-shadow-results.json -e INPUT_MAX-ERROR-RATE=1 > "$run5/log" 2>&1 || fail "traffic-shadow exited non-zero: $(cat "$run5/log")"
res=$run5/workspace/traffic-shadow-results.json
check "results with the brief's fields" "grep -q '\"totalRequests\": 90' '$res' && grep -q '\"200\": 60' '$res' && grep -q '\"404\": 30' '$res' && grep -q '\"p95Latency\"' '$res'"
check "verdict promote (4xx are not server errors)" "grep -A1 '^verdict<<' '$run5/file_commands/set_output' | grep -qx promote"
# What a failure needs to be understood without the machine it ran on: the verdict line and the error counts.
[ "$failed" -eq "$failed_before" ] || { grep -i 'verdict\|error' "$run5/log" | head -20; grep -A4 '"errorsByKind"\|"statusCodes"' "$res" || true; } >&2
stop_site

