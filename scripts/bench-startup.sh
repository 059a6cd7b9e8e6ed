#!/usr/bin/env bash
# Benchmark (not a test): process start → outputs written, for deploy-metadata, median of N runs,
# side by side with `node -e` printing one line; outside and inside the container.
#   usage: scripts/bench-startup.sh [RUNS=20]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-20}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
source "$root/scripts/lib/ensure-tools.sh"
ensure_dotnet
command -v clang >/dev/null || apt_install clang zlib1g-dev

echo "== publishing deploy-metadata: Native AOT and framework-dependent (JIT)"
dotnet publish "$root/actions/deploy-metadata" -c Release -r linux-x64 -o "$work/aot" -p:NuGetLockFilePath="$work/deploy-metadata-$RANDOM.lock.json" -v quiet -nologo >/dev/null
dotnet publish "$root/actions/deploy-metadata" -c Release -p:PublishAot=false -o "$work/jit" -p:NuGetLockFilePath="$work/deploy-metadata-$RANDOM.lock.json" -v quiet -nologo >/dev/null

# A runner-like environment: file-command files, a workspace, inputs.
mkdir -p "$work/ws" "$work/fc"
export GITHUB_WORKSPACE=$work/ws GITHUB_SHA=9fceb02d0ae598e95dc970b74767f19372d61af8 GITHUB_ACTIONS=true CI=true
export GITHUB_OUTPUT=$work/fc/out GITHUB_STEP_SUMMARY=$work/fc/summary GITHUB_ENV=$work/fc/env GITHUB_STATE=$work/fc/state GITHUB_PATH=$work/fc/path
reset() { rm -rf "$work/ws/deploy-metadata"; : > "$GITHUB_OUTPUT"; : > "$GITHUB_STEP_SUMMARY"; }

# median of $runs wall-clock runs of "$@", in milliseconds (one warm-up run first).
# The first argument says whether the run must have written the action's outputs (yes|no).
median_ms() {
  local check=$1; shift
  local samples=() i t0 t1
  reset; "$@" >/dev/null 2>&1
  for ((i = 0; i < runs; i++)); do
    reset
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    if [ "$check" = yes ] && ! grep -q '^path<<' "$GITHUB_OUTPUT"; then echo "no outputs written by: $*" >&2; exit 1; fi
    samples+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'
}

echo "== outside the container (median of $runs)"
aot=$(median_ms yes "$work/aot/deploy-metadata")
jit=$(median_ms yes dotnet "$work/jit/deploy-metadata.dll")
node=$(median_ms no node -e 'console.log("hello")')
printf '| %-48s | %8s ms |\n' "deploy-metadata, Native AOT" "$aot" "deploy-metadata, JIT (dotnet deploy-metadata.dll)" "$jit" "node -e 'console.log(\"hello\")'" "$node"

if [ "${BENCH_CONTAINER:-1}" = 1 ]; then
  source "$root/scripts/lib/podman.sh"
  ensure_podman; ensure_base_images
  image=localhost/bookiji-actions-deploy-metadata:test
  has_image "$image" || build_action_image "$root" deploy-metadata "$image"
  ctr() {
    pm run --rm --network host --workdir /github/workspace -e GITHUB_WORKSPACE=/github/workspace -e GITHUB_SHA="$GITHUB_SHA" \
      -e GITHUB_OUTPUT=/github/file_commands/out -e GITHUB_STEP_SUMMARY=/github/file_commands/summary \
      -v "$work/ws":/github/workspace -v "$work/fc":/github/file_commands "$@"
  }
  echo "== inside the container: podman run (median of $runs)"
  c_aot=$(median_ms yes ctr --entrypoint /actions/deploy-metadata "$image")
  # The chiseled image has no shell, no /bin/true and none of node's libraries: only the action runs in it.
  printf '| %-48s | %8s ms |\n' "podman run deploy-metadata (AOT, chiseled image)" "$c_aot"
fi
