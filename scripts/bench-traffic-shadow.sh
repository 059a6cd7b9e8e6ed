#!/usr/bin/env bash
# Benchmark (not a test): traffic-shadow as shipped (Native AOT) against nginx on loopback, in
# paired rounds with `wrk -t1` at the same concurrency: each round runs wrk, then traffic-shadow's httpclient engine
# with the runtime settings it ships (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1, set in Program.cs), then with
# that switch forced off (=0, .NET's default), then the default for http:// targets (engine auto = raw), so every
# ratio compares runs seconds apart on the same busy machine.
# Then max RSS of a long run and accuracy against a server delaying every response by 50 ms.
# Loopback only, bounded in count and time.
#   usage: scripts/bench-traffic-shadow.sh   (CONNECTIONS=32 SECONDS_EACH=5 ROUNDS=5 REQUESTS=300000; REQUESTS=0 skips RSS/accuracy)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/ensure-tools.sh"; ensure_dotnet
command -v nginx >/dev/null && command -v wrk >/dev/null && [ -x /usr/bin/time ] || apt_install nginx-light wrk time
C=${CONNECTIONS:-32} S=${SECONDS_EACH:-5} ROUNDS=${ROUNDS:-5} REQUESTS=${REQUESTS:-300000}
work=$(mktemp -d); trap 'kill $(cat "$work"/*.pid 2>/dev/null) 2>/dev/null; rm -rf "$work"' EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== publishing traffic-shadow"
dotnet publish "$root/actions/traffic-shadow" -c Release -r linux-x64 -o "$work/app" -p:NuGetLockFilePath="$work/traffic-shadow-$RANDOM.lock.json" -v quiet -nologo >/dev/null

np=$(port); mkdir -p "$work/www"; printf '{"status":"ok"}' > "$work/www/health"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx.err; daemon on;
events { worker_connections 4096; }
http { access_log off; keepalive_requests 1000000; server { listen 127.0.0.1:$np; root $work/www; location / { default_type application/json; } } }
NGINX
nginx -c "$work/nginx.conf"
sleep 0.3

mkdir -p "$work/ws"; echo '[{"method":"GET","path":"/health"}]' > "$work/ws/sample.json"
shadow() { env GITHUB_WORKSPACE="$work/ws" GITHUB_OUTPUT="$work/out" INPUT_TRAFFIC-LOG-PATH=sample.json INPUT_DIFF=false CANARY_URL="http://127.0.0.1:$np/" "$@" "$work/app/traffic-shadow" > "$work/shadow.log"; }
rps() { python3 -c "import json;print(json.load(open('$work/ws/traffic-shadow-results.json'))['run']['achievedRps'])"; }

echo "== closed loop, $C connections, ${S}s each, against nginx (1 worker) on loopback; $ROUNDS paired rounds"
echo "| round | load avg (1 min) | wrk -t1 req/s | engine: httpclient (inline completions on) | httpclient, default runtime (switch off) | engine: raw (the default for http://) |"
echo "|---:|---:|---:|---:|---:|---:|"
: > "$work/rounds"
for r in $(seq 1 "$ROUNDS"); do
  w=$(wrk -t1 -c"$C" -d"${S}s" "http://127.0.0.1:$np/health" | awk '/Requests\/sec/ {print $2}')
  shadow INPUT_CONCURRENCY="$C" INPUT_DURATION="${S}s" INPUT_ENGINE=httpclient; on=$(rps)
  shadow INPUT_CONCURRENCY="$C" INPUT_DURATION="${S}s" INPUT_ENGINE=httpclient DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0; off=$(rps)
  shadow INPUT_CONCURRENCY="$C" INPUT_DURATION="${S}s"; raw=$(rps)
  echo "$w $on $off $raw" >> "$work/rounds"
  load=$(cut -d' ' -f1 /proc/loadavg)
  python3 -c "w,a,b,c=$w,$on,$off,$raw; print(f'| {$r} | $load | {w:,.0f} | {a:,.0f} = {a/w:.2f}x | {b:,.0f} = {b/w:.2f}x | {c:,.0f} = {c/w:.2f}x |')"
done
python3 - "$work/rounds" <<'PY'
import sys, statistics
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
on = [a / w for w, a, b, c in rows]; off = [b / w for w, a, b, c in rows]; raw = [c / w for w, a, b, c in rows]
print(f"| median | | | {statistics.median(on):.2f}x wrk (min {min(on):.2f}) | {statistics.median(off):.2f}x wrk (min {min(off):.2f}) | {statistics.median(raw):.2f}x wrk (min {min(raw):.2f}) |")
PY

if [ "$REQUESTS" -gt 0 ]; then
  echo "== $REQUESTS requests: max RSS"
  /usr/bin/time -f "%M KB max RSS, %e s" -o "$work/time.txt" env GITHUB_WORKSPACE="$work/ws" GITHUB_OUTPUT="$work/out" INPUT_TRAFFIC-LOG-PATH=sample.json INPUT_DIFF=false \
    CANARY_URL="http://127.0.0.1:$np/" INPUT_CONCURRENCY="$C" INPUT_REPEAT="$REQUESTS" "$work/app/traffic-shadow" > "$work/shadow.log"
  echo "$(cat "$work/time.txt"); measured $(python3 -c "import json;print(json.load(open('$work/ws/traffic-shadow-results.json'))['totalRequests'])") requests"

  if command -v node >/dev/null; then
    echo "== accuracy: a server delaying every response by exactly 50 ms (node setTimeout), 2,000 requests, 16 connections"
    dp=$(port)
    node -e "require('http').createServer((q,s)=>setTimeout(()=>s.end('ok'),50)).listen($dp,'127.0.0.1')" & echo $! > "$work/node.pid"
    sleep 0.5
    env GITHUB_WORKSPACE="$work/ws" GITHUB_OUTPUT="$work/out" INPUT_TRAFFIC-LOG-PATH=sample.json INPUT_DIFF=false CANARY_URL="http://127.0.0.1:$dp/" \
      INPUT_CONCURRENCY=16 INPUT_REPEAT=2000 INPUT_WARMUP=50 "$work/app/traffic-shadow" > "$work/shadow.log"
    python3 -c "import json;d=json.load(open('$work/ws/traffic-shadow-results.json'))['percentilesMs'];print(f\"traffic-shadow: p50 {d['p50']} ms, p99 {d['p99']} ms, max {d['max']} ms (truth: 50 ms + loopback RTT)\")"
  fi
fi
nginx -c "$work/nginx.conf" -s stop
