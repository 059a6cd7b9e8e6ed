#!/usr/bin/env bash
# Regenerates every action.yml and the README input/output/action tables from the actions' declarations
# (actions/<name>/<Name>Definition.cs). `scripts/generate.sh --check` only reports drift (the tests do too).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet run --project "$root/tools/Bookiji.Actions.Generator" -c Release -v quiet -- "$@" "$root"
