# Podman on a machine without a Docker engine or registry (see docs/containers.md).
# Source it; it defines `pm` and makes sure the stand-in base images exist. Idempotent and cached:
# the first run takes ~2 minutes (apt, debootstrap, stand-ins), later runs seconds.
set -euo pipefail
CONTAINER_WORK=${CONTAINER_WORK:-/var/tmp/bookiji-containers}
mkdir -p "$CONTAINER_WORK"

ensure_podman() {
  local missing=()
  for tool in podman runc debootstrap; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} (podman buildah runc debootstrap) from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q podman buildah runc debootstrap >/dev/null
  fi
  # runc, not crun (crun 1.8 refuses hybrid cgroups); ulimits within the hard limits (podman's defaults get EPERM).
  local nofile nproc
  nofile=$(ulimit -Hn); nproc=$(ulimit -Hu)
  if [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; then nproc=32768; fi
  if [ "$nofile" = unlimited ] || [ "$nofile" -gt 1048576 ]; then nofile=1048576; fi
  cat > "$CONTAINER_WORK/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
CONF
  export CONTAINERS_CONF=$CONTAINER_WORK/containers.conf
}

# Storage by flags: CONTAINERS_STORAGE_CONF makes every `podman run` hang 20 s here.
pm() { podman --root "$CONTAINER_WORK/storage" --runroot "$CONTAINER_WORK/run" "$@"; }

has_image() { pm image exists "$1" 2>/dev/null; }
CHISELED_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled

ensure_base_images() {
  if ! has_image localhost/debian-base:bookworm; then
    echo "== base image from debootstrap (bookworm, minbase)"
    local mirror rootfs
    mirror=${MIRROR:-$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)}
    mirror=${mirror:-http://deb.debian.org/debian}
    rootfs=$CONTAINER_WORK/rootfs
    rm -rf "$rootfs"
    debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -c . | pm import --change 'CMD ["/bin/bash"]' - localhost/debian-base:bookworm >/dev/null
    rm -rf "$rootfs"
  fi
  # The stand-in's label names its recipe: an older one (without USER 1654) is rebuilt.
  if [ "$(pm image inspect --format '{{index .Labels "bookiji.stand-in"}}' "$CHISELED_IMAGE" 2>/dev/null)" != 2 ] || ! has_image mcr.microsoft.com/dotnet/sdk:10.0; then
    echo "== stand-ins for mcr.microsoft.com/dotnet/{runtime-deps:10.0-noble-chiseled,sdk:10.0} (no registry is reachable)"
    local ctx=$CONTAINER_WORK/sdkctx
    rm -rf "$ctx"; mkdir -p "$ctx/extra-ca"
    # The egress proxy re-signs TLS: without its CA, restore inside the build fails with NU1301.
    cp /usr/local/share/ca-certificates/*.crt "$ctx/extra-ca/" 2>/dev/null || true
    # The chiseled stand-in is what Microsoft's chiseled runtime-deps holds (slices base-files, ca-certificates, libc6,
    # libgcc-s1, libssl3t64, libstdc++6): glibc, libgcc, libstdc++, OpenSSL, the CA bundle, passwd/group, /tmp; no
    # shell, no package manager, no zlib; and, like it, USER 1654 (the app user). Built FROM scratch out of Debian's files.
    cat > "$ctx/Containerfile" <<'CF'
FROM localhost/debian-base:bookworm AS runtime-deps
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libssl3 zlib1g \
      libstdc++6 libgcc-s1 && rm -rf /var/lib/apt/lists/*
COPY extra-ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates
RUN mkdir -p /chiseled/usr/lib/x86_64-linux-gnu /chiseled/usr/lib64 /chiseled/etc/ssl/certs /chiseled/tmp \
 && cd /usr/lib/x86_64-linux-gnu \
 && cp -a libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libresolv.so.2 ld-linux-x86-64.so.2 libgcc_s.so.1 \
      libstdc++.so.6* libssl.so.3 libcrypto.so.3 /chiseled/usr/lib/x86_64-linux-gnu/ \
 && ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 /chiseled/usr/lib64/ld-linux-x86-64.so.2 \
 && ln -s usr/lib /chiseled/lib && ln -s usr/lib64 /chiseled/lib64 \
 && cp -L /etc/ssl/certs/ca-certificates.crt /chiseled/etc/ssl/certs/ \
 && printf 'root:x:0:0:root:/root:/noshell\napp:x:1654:1654::/home/app:/noshell\n' > /chiseled/etc/passwd \
 && printf 'root:x:0:\napp:x:1654:\n' > /chiseled/etc/group && chmod 1777 /chiseled/tmp
FROM scratch AS chiseled
COPY --from=runtime-deps /chiseled/ /
LABEL bookiji.stand-in=2
ENV APP_UID=1654 DOTNET_RUNNING_IN_CONTAINER=true DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true
USER 1654
FROM runtime-deps AS sdk
RUN cp -a /hostdotnet /usr/share/dotnet && ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 NUGET_CERT_REVOCATION_MODE=offline
CF
    local dotnet_root
    dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
    pm build -q --pull=never --network host --target chiseled -t "$CHISELED_IMAGE" "$ctx" >/dev/null
    pm build -q --pull=never --network host --target sdk -v "$dotnet_root:/hostdotnet:ro" -t mcr.microsoft.com/dotnet/sdk:10.0 "$ctx" >/dev/null
  fi
}

# Builds one action's generated <name>.Dockerfile exactly as the runner and the release workflow do (context: the
# repository root); only the pinned base images are swapped for the local stand-ins (no registry here).
#   usage: build_action_image ROOT NAME TAG
build_action_image() {
  local root=$1 name=$2 tag=$3 cache=()
  # Optional: a NuGet cache shared by the builds (a build-time bind mount; the Dockerfile is used unchanged).
  if [ -n "${NUGET_PACKAGES_HOST:-}" ]; then mkdir -p "$NUGET_PACKAGES_HOST"; cache=(-v "$NUGET_PACKAGES_HOST:/root/.nuget/packages"); fi
  pm build -q --pull=never --network host "${cache[@]}" \
    --build-arg SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0 --build-arg RUNTIME_IMAGE="$CHISELED_IMAGE" \
    -f "$root/$name.Dockerfile" -t "$tag" "$root" >/dev/null
}

# The runner starts a job's Docker actions on a bridge network of their own (services are reached by name, and
# `localhost` is the action's container). The container test does the same: its network, with a fixed subnet so the
# test's own host services can admit it, and the host reached as host.containers.internal.
TEST_NETWORK=${TEST_NETWORK:-bookiji-actions-test}
TEST_SUBNET=${TEST_SUBNET:-10.89.77.0/24}
CONTAINER_HOST=host.containers.internal
ensure_test_network() {
  pm network exists "$TEST_NETWORK" 2>/dev/null || pm network create --subnet "$TEST_SUBNET" "$TEST_NETWORK" >/dev/null
}

# Runs one action's container the way actions/runner runs a Docker action: the workspace, file commands,
# workflow (event.json) and home mounted at /github/..., inputs as INPUT_ variables, entrypoint per action.
# usage: [ACTION_NETWORK=none|host] run_action IMAGE NAME RUN_DIR [-e VAR=VALUE ...]   (the test's bridge network by default)
run_action() {
  local image=$1 name=$2 dir=$3; shift 3
  mkdir -p "$dir/workspace" "$dir/file_commands" "$dir/workflow" "$dir/home"
  [ -f "$dir/workflow/event.json" ] || echo '{}' > "$dir/workflow/event.json"
  : > "$dir/file_commands/set_output"; : > "$dir/file_commands/set_env"; : > "$dir/file_commands/step_summary"
  : > "$dir/file_commands/add_path"; : > "$dir/file_commands/save_state"
  pm run --rm --network "${ACTION_NETWORK:-$TEST_NETWORK}" --workdir /github/workspace --entrypoint "/actions/$name" \
    -e HOME=/github/home -e GITHUB_WORKSPACE=/github/workspace -e GITHUB_ACTIONS=true -e CI=true \
    -e GITHUB_EVENT_PATH=/github/workflow/event.json \
    -e GITHUB_OUTPUT=/github/file_commands/set_output -e GITHUB_ENV=/github/file_commands/set_env \
    -e GITHUB_PATH=/github/file_commands/add_path -e GITHUB_STATE=/github/file_commands/save_state \
    -e GITHUB_STEP_SUMMARY=/github/file_commands/step_summary \
    "$@" \
    -v "$dir/workspace":/github/workspace -v "$dir/file_commands":/github/file_commands \
    -v "$dir/workflow":/github/workflow -v "$dir/home":/github/home \
    "$image"
}
