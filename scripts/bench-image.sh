#!/usr/bin/env bash
# Benchmark (not a test): the image's size by layer, and each action's start-up as shipped in it — the binaries
# copied out of the built image and run on the host in a runner-like environment with no inputs (process start →
# exit, which includes reading the environment, reporting the missing inputs or writing a fallback, and the
# summary), median of N runs after one warm-up, each in a network namespace of its own (nothing leaves the machine).
#   usage: scripts/bench-image.sh [RUNS=10]      (reuses localhost/bookiji-actions:test when it exists)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
source "$root/scripts/lib/podman.sh"
ensure_podman
image=localhost/bookiji-actions:test
if ! has_image "$image"; then ensure_base_images; build_actions_image "$root" "$image"; fi
work=$(mktemp -d); trap 'rm -rf "$work"; pm rm -f bench-image >/dev/null 2>&1 || true' EXIT

echo "== image $(pm image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1000000}')"
pm history --format '{{.Size}}\t{{.CreatedBy}}' "$image" | awk -F'\t' '$1 != "0B" && $1 != "0 B" {printf "  %-10s %s\n", $1, substr($2, 1, 90)}'

pm create --name bench-image "$image" >/dev/null
pm cp bench-image:/app "$work/app"
pm cp bench-image:/actions "$work/actions" 2>/dev/null || true
mkdir -p "$work/ws" "$work/fc" "$work/tmp"
export GITHUB_WORKSPACE=$work/ws GITHUB_EVENT_NAME=workflow_dispatch GITHUB_REPOSITORY=bookiji/bookiji RUNNER_TEMP=$work/tmp
export GITHUB_SHA=9fceb02d0ae598e95dc970b74767f19372d61af8 GITHUB_ACTIONS=true CI=true
export GITHUB_OUTPUT=$work/fc/out GITHUB_STEP_SUMMARY=$work/fc/summary GITHUB_ENV=$work/fc/env GITHUB_STATE=$work/fc/state GITHUB_PATH=$work/fc/path
median_ms() {
  local samples=() i t0 t1
  "$@" >/dev/null 2>&1 || true
  for ((i = 0; i < runs; i++)); do
    : > "$GITHUB_OUTPUT"; : > "$GITHUB_STEP_SUMMARY"
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    samples+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'
}
echo "== start-up with no inputs (median of $runs, ms)"
for dir in "$root"/actions/*/; do
  name=$(basename "$dir")
  if [ -f "$work/actions/$name" ] && [ ! -L "$work/actions/$name" ]; then bin=$work/actions/$name; kind="Native AOT"; else bin=$work/app/$name; kind="ReadyToRun (shared /app)"; fi
  # In a network namespace of its own: a default that names a public host (watchdog) fails fast, reaching nothing.
  printf '| %-16s | %-26s | %8s |\n' "$name" "$kind" "$(median_ms unshare --net -- "$bin")"
done
