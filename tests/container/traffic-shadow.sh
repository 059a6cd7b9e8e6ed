# Container scenarios for traffic-shadow, sourced by scripts/container-test.sh (which defines step, check, fail,
# run_action, $image and $root). Each scenario runs the built image exactly as the Actions runner does.
step "traffic-shadow: replay at a loopback service (python http.server), absolute thresholds"
run5=$(mktemp -d); cleanups+=("rm -rf '$run5'" '[ -n "${web_pid:-}" ] && kill "$web_pid" 2>/dev/null')
mkdir -p "$run5/site/api" "$run5/workspace/traffic-samples"; echo ok > "$run5/site/index.html"; echo '{"status":"ok"}' > "$run5/site/api/health"
web_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$web_port" --bind 127.0.0.1 --directory "$run5/site" >/dev/null 2>&1 & web_pid=$!
for i in $(seq 300); do (echo > /dev/tcp/127.0.0.1/$web_port) 2>/dev/null && break; sleep 0.1; done
(echo > /dev/tcp/127.0.0.1/$web_port) 2>/dev/null || fail "the loopback web server did not start within 30 s"
echo '[{"method":"GET","path":"/"},{"method":"GET","path":"/api/health"},{"method":"GET","path":"/missing"}]' > "$run5/workspace/traffic-samples/booking-sample.json"
run_action "$image" traffic-shadow "$run5" -e "CANARY_URL=http://127.0.0.1:$web_port/" -e INPUT_REPEAT=30 -e INPUT_CONCURRENCY=4 \
  -e INPUT_RESULTS-PATH=traffic-shadow-results.json -e INPUT_MAX-ERROR-RATE=1 > "$run5/log" 2>&1 || fail "traffic-shadow exited non-zero: $(cat "$run5/log")"
res=$run5/workspace/traffic-shadow-results.json
check "results with the brief's fields" "grep -q '\"totalRequests\": 90' '$res' && grep -q '\"200\": 60' '$res' && grep -q '\"404\": 30' '$res' && grep -q '\"p95Latency\"' '$res'"
check "verdict promote (4xx are not server errors)" "grep -A1 '^verdict<<' '$run5/file_commands/set_output' | grep -qx promote"

