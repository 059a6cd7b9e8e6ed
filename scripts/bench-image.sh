#!/usr/bin/env bash
# Benchmark (not a test): what a job pulls per action — each action's image (<name>.Dockerfile) saved with gzip
# layers as a registry serves them (compressed) and as stored (uncompressed), split into the base and our layers —
# and each action's start-up as shipped: its executable copied out of the image and run on the host in a
# runner-like environment with no inputs (process start → outputs and summary written), side by side with
# `node -e 'console.log(1)'`, median of N runs after one warm-up, each in a network namespace of its own.
#   usage: scripts/bench-image.sh [RUNS=20]      (reuses localhost/bookiji-actions-<name>:test images when they exist)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-20}
source "$root/scripts/lib/podman.sh"
ensure_podman
ensure_base_images
work=$(mktemp -d); trap 'rm -rf "$work"; pm rm -f bench-image >/dev/null 2>&1 || true' EXIT
export NUGET_PACKAGES_HOST=${NUGET_PACKAGES_HOST:-$CONTAINER_WORK/nuget}

# Compressed: the blobs of `podman save --format docker-dir --compress` (gzip layers, as pushed); uncompressed: the layers' sizes.
compressed_mb() { rm -rf "$work/oci"; pm save -q --format docker-dir --compress -o "$work/oci" "$1" >/dev/null; du -sb --exclude=manifest.json --exclude=version "$work/oci" | awk '{printf "%.1f", $1/1e6}'; }
disk_mb() { pm image inspect --format '{{.Size}}' "$1" | awk '{printf "%.1f", $1/1e6}'; }
base_c=$(compressed_mb "$CHISELED_IMAGE"); base_u=$(disk_mb "$CHISELED_IMAGE")
echo "== base (stand-in for runtime-deps:10.0-noble-chiseled): $base_c MB compressed, $base_u MB uncompressed"
echo "| Action | Pull, compressed (MB) | Uncompressed (MB) | Our layers, compressed (MB) | Executable (MB) |"
echo "|---|---|---|---|---|"
for dir in "$root"/actions/*/; do
  name=$(basename "$dir"); image=localhost/bookiji-actions-$name:test
  has_image "$image" || build_action_image "$root" "$name" "$image"
  c=$(compressed_mb "$image"); u=$(disk_mb "$image")
  pm rm -f bench-image >/dev/null 2>&1 || true
  pm create --name bench-image "$image" >/dev/null
  mkdir -p "$work/bin"; pm cp "bench-image:/actions/$name" "$work/bin/$name"
  exe=$(stat -c %s "$work/bin/$name" | awk '{printf "%.1f", $1/1e6}')
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$c" "$u" "$(awk -v a="$c" -v b="$base_c" 'BEGIN {printf "%.1f", a - b}')" "$exe"
done

mkdir -p "$work/ws" "$work/fc" "$work/tmp"
export GITHUB_WORKSPACE=$work/ws GITHUB_EVENT_NAME=workflow_dispatch GITHUB_REPOSITORY=bookiji/bookiji RUNNER_TEMP=$work/tmp
export GITHUB_SHA=9fceb02d0ae598e95dc970b74767f19372d61af8 GITHUB_ACTIONS=true CI=true
export GITHUB_OUTPUT=$work/fc/out GITHUB_STEP_SUMMARY=$work/fc/summary GITHUB_ENV=$work/fc/env GITHUB_STATE=$work/fc/state GITHUB_PATH=$work/fc/path
# usage: median_ms CHECK_OUTPUTS COMMAND...  (CHECK_OUTPUTS=yes fails when the command wrote no output or summary)
median_ms() {
  local check=$1 samples=() i t0 t1; shift
  "$@" >/dev/null 2>&1 || true
  for ((i = 0; i < runs; i++)); do
    : > "$GITHUB_OUTPUT"; : > "$GITHUB_STEP_SUMMARY"
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    if [ "$check" = yes ] && { [ ! -s "$GITHUB_OUTPUT" ] || [ ! -s "$GITHUB_STEP_SUMMARY" ]; }; then echo "no outputs or summary from: $*" >&2; exit 1; fi
    samples+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'
}
echo
echo "== start-up, process start to outputs written, no inputs (median of $runs, ms; in one run, alternating)"
echo "| Program | ms |"
echo "|---|---|"
for dir in "$root"/actions/*/; do
  name=$(basename "$dir")
  printf '| %s (Native AOT) | %s |\n' "$name" "$(median_ms yes unshare --net -- "$work/bin/$name")"
  printf '| node -e (beside %s) | %s |\n' "$name" "$(median_ms no unshare --net -- node -e 'console.log(1)')"
done
