#!/usr/bin/env bash
# Runs the demo: every action through the local runner against samples/, printing each step summary and
# writing outputs, summaries and logs under demo-output/ (or the folder given).
#   usage: scripts/demo.sh [OUTPUT_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/ensure-tools.sh"
ensure_dotnet
ensure_postgres_server
ensure_redis_server
dotnet build "$root/samples/Bookiji.Actions.Demo" -c Release -v quiet -nologo >/dev/null
dotnet run --project "$root/samples/Bookiji.Actions.Demo" -c Release --no-build -- "${1:-$root/demo-output}"
