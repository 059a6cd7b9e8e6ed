#!/usr/bin/env bash
# Validates action.yml and workflow files with GitHub's own parser (pinned npm packages), and applies the house
# rules and structural checks to workflows and the READMEs' YAML examples (tools/workflow-lint):
# - no ${{ }} of outputs, matrix, inputs or event text inside run:; third-party actions pinned by full commit SHA;
# - every run: as the runner receives it (YAML loaded) parses as bash; no plain run: cut short by " #";
# - steps using this project's actions (./actions/<name>, <owner>/bookiji-actions/actions/<name>@<ref>) pass only
#   declared inputs, all required ones, and read only declared outputs; needs.<job>.outputs name declared ones;
# - README/doc ```yaml fences load as YAML; those that are whole workflows also go through GitHub's parser.
#   usage: scripts/validate-workflows.sh [FILE...]   (default: every action.yml, workflow, README and docs/*.md)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lint=$root/tools/workflow-lint
if [ ! -d "$lint/node_modules/@actions/languageservice" ] || [ ! -d "$lint/node_modules/yaml" ]; then
  (cd "$lint" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
files=()
if [ "$#" -gt 0 ]; then
  for f in "$@"; do
    case $f in
      /* | --*) files+=("$f") ;; # absolute paths, and validate.mjs options (--actions DIR)
      *) files+=("$PWD/$f") ;;
    esac
  done
else
  cd "$root"
  mapfile -t files < <(ls actions/*/action.yml .github/workflows/*.yml README.md actions/*/README.md docs/*.md 2>/dev/null)
  files=("${files[@]/#/$root/}")
fi
cd "$lint"
node --import ./register.mjs validate.mjs "${files[@]}"
