#!/usr/bin/env bash
# Validates every action.yml and .github/workflows/*.yml with GitHub's own parser (pinned npm packages).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lint=$root/tools/workflow-lint
if [ ! -d "$lint/node_modules/@actions/languageservice" ]; then
  (cd "$lint" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
cd "$root"
mapfile -t files < <(ls actions/*/action.yml .github/workflows/*.yml 2>/dev/null)
cd "$lint"
node --import ./register.mjs validate.mjs "${files[@]/#/$root/}"
