#!/usr/bin/env bash
# Benchmark (not a test): traffic-shadow as shipped (self-contained ReadyToRun) against nginx on loopback,
# side by side with wrk -t1 and hey at the same concurrency; max RSS of a 1,000,000-request run; accuracy
# against a server that delays every response by exactly 50 ms. Loopback only, bounded in count and time.
#   usage: scripts/bench-traffic-shadow.sh      (CONNECTIONS=32 SECONDS=10 MILLION=1000000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/ensure-tools.sh"; ensure_dotnet; ensure_node
command -v nginx >/dev/null && command -v wrk >/dev/null && command -v hey >/dev/null && [ -x /usr/bin/time ] || apt_install nginx-light wrk hey time
C=${CONNECTIONS:-32} S=${SECONDS_EACH:-10} MILLION=${MILLION:-1000000}
work=$(mktemp -d); trap 'kill $(cat "$work"/*.pid 2>/dev/null) 2>/dev/null; rm -rf "$work"' EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== publishing traffic-shadow"
dotnet publish "$root/actions/traffic-shadow" -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$work/app" -v quiet -nologo >/dev/null

np=$(port); mkdir -p "$work/www"; printf '{"status":"ok"}' > "$work/www/health"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx.err; daemon on;
events { worker_connections 4096; }
http { access_log off; keepalive_requests 1000000; server { listen 127.0.0.1:$np; root $work/www; location / { default_type application/json; } } }
NGINX
nginx -c "$work/nginx.conf"
sleep 0.3

mkdir -p "$work/ws"; echo '[{"method":"GET","path":"/health"}]' > "$work/ws/sample.json"
shadow() { env GITHUB_WORKSPACE="$work/ws" GITHUB_OUTPUT="$work/out" INPUT_TRAFFIC-LOG-PATH=sample.json INPUT_DIFF=false "$@" "$work/app/traffic-shadow" > "$work/shadow.log"; }
rps() { python3 -c "import json;print(json.load(open('$work/ws/traffic-shadow-results.json'))['run']['achievedRps'])"; }

echo "== closed loop, $C connections, ${S}s each, against nginx (1 worker) on loopback"
wrk_rps=$(wrk -t1 -c"$C" -d"${S}s" "http://127.0.0.1:$np/health" | awk '/Requests\/sec/ {print $2}')
hey_rps=$(hey -c "$C" -z "${S}s" "http://127.0.0.1:$np/health" | awk '/Requests\/sec/ {print $2}')
shadow CANARY_URL="http://127.0.0.1:$np/" INPUT_CONCURRENCY="$C" INPUT_DURATION="${S}s"
ts_rps=$(rps)
shadow CANARY_URL="http://127.0.0.1:$np/" INPUT_CONCURRENCY="$C" INPUT_DURATION="${S}s" INPUT_ENGINE=raw
raw_rps=$(rps)
python3 - "$ts_rps" "$wrk_rps" "$hey_rps" "$raw_rps" <<'PY'
import sys
ts, wrk, hey, raw = map(float, sys.argv[1:])
print(f"| traffic-shadow (engine httpclient) | {ts:,.0f} req/s | {ts/wrk:.2f}x wrk | {ts/hey:.2f}x hey |")
print(f"| traffic-shadow (engine raw)        | {raw:,.0f} req/s | {raw/wrk:.2f}x wrk | {raw/hey:.2f}x hey |")
print(f"| wrk -t1        | {wrk:,.0f} req/s |")
print(f"| hey            | {hey:,.0f} req/s |")
PY

echo "== $MILLION requests: max RSS"
for engine in httpclient raw; do
  /usr/bin/time -f "%M KB max RSS, %e s" -o "$work/time.txt" env GITHUB_WORKSPACE="$work/ws" GITHUB_OUTPUT="$work/out" INPUT_TRAFFIC-LOG-PATH=sample.json INPUT_DIFF=false \
    CANARY_URL="http://127.0.0.1:$np/" INPUT_CONCURRENCY="$C" INPUT_REPEAT="$MILLION" INPUT_ENGINE=$engine "$work/app/traffic-shadow" > "$work/shadow.log"
  echo "engine $engine: $(cat "$work/time.txt"); measured $(python3 -c "import json;print(json.load(open('$work/ws/traffic-shadow-results.json'))['totalRequests'])") requests"
done

echo "== accuracy: a server delaying every response by exactly 50 ms (node setTimeout), 2,000 requests, 16 connections"
dp=$(port)
node -e "require('http').createServer((q,s)=>setTimeout(()=>s.end('ok'),50)).listen($dp,'127.0.0.1')" & echo $! > "$work/node.pid"
sleep 0.5
for engine in httpclient raw; do
  shadow CANARY_URL="http://127.0.0.1:$dp/" INPUT_CONCURRENCY=16 INPUT_REPEAT=2000 INPUT_WARMUP=50 INPUT_ENGINE=$engine
  python3 -c "import json;d=json.load(open('$work/ws/traffic-shadow-results.json'))['percentilesMs'];print(f\"traffic-shadow ($engine): p50 {d['p50']} ms, p99 {d['p99']} ms, max {d['max']} ms (truth: 50 ms + loopback RTT)\")"
done
hey -n 2000 -c 16 "http://127.0.0.1:$dp/" | awk '/50%|99%/ {print "hey: " $0}'
nginx -c "$work/nginx.conf" -s stop
