#!/usr/bin/env bash
# Builds the real root Dockerfile with podman (no Docker engine needed) and runs each built action's
# container exactly as the Actions runner does, checking its files and outputs.
#   usage: scripts/container-test.sh        (CONTAINER_WORK=/path to move the image cache)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/podman.sh"
t0=$(date +%s); step() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }
fail() { echo "container-test: FAIL: $*" >&2; exit 1; }

ensure_podman
ensure_base_images
step "building $root/Dockerfile"
image=localhost/bookiji-actions:test
build_actions_image "$root" "$image"
pm image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep bookiji-actions || true

passed=0; failed=0
cleanups=()
cleanup() { for c in "${cleanups[@]}"; do eval "$c" || true; done; }
trap cleanup EXIT
check() { if eval "$2"; then passed=$((passed+1)); echo "ok - $1"; else failed=$((failed+1)); echo "not ok - $1"; fi; }

# Every action, discovered: it starts from the image as the runner starts it, with nothing configured, and
# ends non-blocking (exit 0) without an unexpected error.
for dir in "$root"/actions/*/; do
  name=$(basename "$dir")
  step "$name: starts in the image with no inputs (non-blocking, no unexpected error)"
  smoke=$(mktemp -d); cleanups+=("rm -rf '$smoke'")
  code=0
  run_action "$image" "$name" "$smoke" -e GITHUB_EVENT_NAME=workflow_dispatch -e GITHUB_REPOSITORY=bookiji/bookiji \
    -e GITHUB_SHA=9fceb02d0ae598e95dc970b74767f19372d61af8 > "$smoke/log" 2>&1 || code=$?
  check "$name: exit 0" "[ $code -eq 0 ]"
  check "$name: no unexpected error" "! grep -q 'This is a bug' '$smoke/log'"
  # Scenarios of its own, when the action has them (tests/container/<name>.sh).
  if [ -f "$root/tests/container/$name.sh" ]; then
    source "$root/tests/container/$name.sh"
  fi
done

step "done"
echo "container-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
