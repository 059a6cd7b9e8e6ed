#!/usr/bin/env bash
# Builds every action's generated <name>.Dockerfile with podman (no Docker engine needed), as the runner (from a
# checkout) and release.yml (for a release) build it, and runs each action's container exactly as the Actions runner
# does, checking its files and outputs.
#   usage: scripts/container-test.sh        (CONTAINER_WORK=/path to move the image cache)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/podman.sh"
t0=$(date +%s); step() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }
fail() { echo "container-test: FAIL: $*" >&2; exit 1; }

ensure_podman
ensure_base_images
ensure_test_network
# The test's host services admit the action containers' bridge network (and loopback) only.
export PG_SUBNET=$TEST_SUBNET SITE_SUBNET=$TEST_SUBNET
# One shared NuGet cache for the six builds (a build-time bind mount: the Dockerfiles are used unchanged).
export NUGET_PACKAGES_HOST=${NUGET_PACKAGES_HOST:-$CONTAINER_WORK/nuget}
names=()
for dir in "$root"/actions/*/; do names+=("$(basename "$dir")"); done
for name in "${names[@]}"; do
  step "building $root/$name.Dockerfile"
  build_action_image "$root" "$name" "localhost/bookiji-actions-$name:test"
done
pm image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep bookiji-actions || true
pm image prune -f >/dev/null 2>&1 || true   # earlier builds' dangling stages (GBs each); the cache of this build stays
passed=0; failed=0
cleanups=()
cleanup() { for c in "${cleanups[@]}"; do eval "$c" || true; done; }
trap cleanup EXIT
check() { if eval "$2"; then passed=$((passed+1)); echo "ok - $1"; else failed=$((failed+1)); echo "not ok - $1"; fi; }

# The release path: each image built exactly as release.yml builds it, every action.yml rewritten by the release
# tool to its own image pinned by digest; each action then starts from what its rewritten action.yml names.
step "release rewrite of every action.yml to its image pinned by digest"
released=$(mktemp -d); cleanups+=("rm -rf '$released'")
release_args=()
for name in "${names[@]}"; do
  mkdir -p "$released/actions/$name"; cp "$root/actions/$name/action.yml" "$released/actions/$name/"
  release_args+=(--release-image "$name=localhost/bookiji-actions-$name@$(pm image inspect --format '{{.Digest}}' "localhost/bookiji-actions-$name:test")")
done
dotnet run --project "$root/tools/Bookiji.Actions.Generator" -c Release -v quiet -- "${release_args[@]}" "$released" > "$released/log" 2>&1 \
  || fail "the release rewrite failed: $(cat "$released/log")"
for name in "${names[@]}"; do
  check "$name: action.yml names its own image by digest" "grep -q '^  image: docker://localhost/bookiji-actions-$name@sha256:' '$released/actions/$name/action.yml'"
done

# Every action, discovered: it starts from the image its released action.yml names, with nothing configured, and
# ends non-blocking (exit 0) without an unexpected error. No network at all: nothing leaves the machine, and a
# missing target (watchdog's target-url) is an input error with fail-closed outputs and a summary.
for dir in "$root"/actions/*/; do
  name=$(basename "$dir")
  image=localhost/bookiji-actions-$name:test
  step "$name: starts from its released action.yml's image with no inputs (non-blocking, no unexpected error)"
  ref=$(sed -n 's/^  image: docker:\/\///p' "$released/actions/$name/action.yml")
  entry=$(sed -n 's/^  entrypoint: \/actions\///p' "$released/actions/$name/action.yml")
  check "$name: released action.yml names its own entrypoint" "[ '$entry' = '$name' ]"
  check "$name: the image runs as root (the chiseled base's app user cannot write the runner's files)" "[ \"\$(pm image inspect --format '{{.Config.User}}' '$image')\" = 0:0 ]"
  smoke=$(mktemp -d); cleanups+=("rm -rf '$smoke'")
  code=0
  ACTION_NETWORK=none run_action "$ref" "$entry" "$smoke" -e GITHUB_EVENT_NAME=workflow_dispatch -e GITHUB_REPOSITORY=bookiji/bookiji \
    -e GITHUB_SHA=9fceb02d0ae598e95dc970b74767f19372d61af8 > "$smoke/log" 2>&1 || code=$?
  check "$name: exit 0" "[ $code -eq 0 ]"
  check "$name: no unexpected error" "! grep -q 'This is a bug' '$smoke/log'"
  check "$name: writes a step summary" "[ -s '$smoke/file_commands/step_summary' ]"
  # Scenarios of its own, when the action has them (tests/container/<name>.sh).
  if [ -f "$root/tests/container/$name.sh" ]; then
    source "$root/tests/container/$name.sh"
  fi
done

step "done"
echo "container-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
