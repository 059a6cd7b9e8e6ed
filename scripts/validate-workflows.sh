#!/usr/bin/env bash
# Validates every action.yml and .github/workflows/*.yml with GitHub's own parser (pinned npm packages), and
# applies the house rules to workflows and the READMEs' YAML examples: no ${{ }} of outputs, matrix, inputs or
# event text inside run:, third-party actions pinned by full commit SHA (tools/workflow-lint/checks.mjs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lint=$root/tools/workflow-lint
if [ ! -d "$lint/node_modules/@actions/languageservice" ]; then
  (cd "$lint" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
cd "$root"
mapfile -t files < <(ls actions/*/action.yml .github/workflows/*.yml README.md actions/*/README.md docs/*.md 2>/dev/null)
cd "$lint"
node --import ./register.mjs validate.mjs "${files[@]/#/$root/}"
