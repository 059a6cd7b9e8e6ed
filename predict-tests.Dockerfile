# Generated from the root Dockerfile (the template) for actions/predict-tests by scripts/generate.sh: edit the template, then run it.
# The template of every action's image. scripts/generate.sh writes <name>.Dockerfile from it for each actions/<name>/
# (ACTION and GIT filled in from the action's declaration; a test catches drift), and each action.yml names its own
# (image: ../../<name>.Dockerfile): the runner builds with the repository root as context (the Dockerfile's folder),
# so shared/ is reachable, and a job builds or pulls only the action it runs. This file builds one action too:
# --build-arg ACTION=<name> [--build-arg GIT=with-git].
# The image: one Native AOT executable (/actions/<name>) on a chiseled runtime-deps base (no shell, no package
# manager), plus git and only the libraries git needs that the base lacks, where the action reads a repository.
# Base images pinned by digest (reproducible builds). Dependabot does not read ARG defaults: bump them here by hand,
# then run scripts/generate.sh (docs/containers.md). Local builds against stand-in images override them:
# --build-arg SDK_IMAGE=... --build-arg RUNTIME_IMAGE=... (scripts/lib/podman.sh).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0@sha256:ea8bde36c11b6e7eec2656d0e59101d4462f6bd630730f2c8201ed0572b295d5
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled@sha256:18d4848091a40d13dbfdd6a8340c1657dc3e2f2d7fa2f042e9d162e68669dbc9
ARG ACTION=predict-tests
ARG GIT=with-git

FROM ${SDK_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# No compiler server and no diagnostics socket: nothing of the build lingers in /tmp of a layer.
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_EnableDiagnostics=0 UseSharedCompilation=false
# What restore reads first, so the restore layer stays cached until a project or lock file changes; the layers above
# do not depend on the action, so every action's build shares them.
COPY global.json Directory.Build.props Directory.Packages.props ./
ARG ACTION
RUN test -n "$ACTION" || { echo "name the action: --build-arg ACTION=<name>, or build <name>.Dockerfile"; exit 1; }
COPY shared/Bookiji.Actions.Core/Bookiji.Actions.Core.csproj shared/Bookiji.Actions.Core/packages.lock.json shared/Bookiji.Actions.Core/
COPY actions/${ACTION}/*.csproj actions/${ACTION}/packages.lock.json actions/${ACTION}/
RUN dotnet restore "actions/$ACTION" -r linux-x64 --locked-mode
COPY shared/ shared/
COPY actions/${ACTION}/ actions/${ACTION}/
RUN grep -q '<PublishAot>true</PublishAot>' actions/"$ACTION"/*.csproj || { echo "actions/$ACTION: set <PublishAot>true</PublishAot>"; exit 1; }
RUN dotnet publish "actions/$ACTION" -c Release -r linux-x64 --no-restore -o /out/publish
RUN test -x "/out/publish/$ACTION" || { echo "actions/$ACTION: no executable named $ACTION (AssemblyName must be the folder name)"; exit 1; }
RUN mkdir -p /out/actions && cp "/out/publish/$ACTION" "/out/actions/$ACTION" && ln -s "$ACTION" /out/actions/entrypoint

# git for actions that read the repository (GIT=with-git): the binary, its HTTPS transport, and each library they link
# that the runtime base does not already have (the base's own libc, libssl, ... stay as they are). Other actions get
# an empty folder. (One stage picked by a path, not FROM ${GIT}: podman's builder does not resolve stage names from
# build arguments.)
FROM ${RUNTIME_IMAGE} AS runtime-base
FROM ${SDK_IMAGE} AS git
ARG GIT
COPY --from=runtime-base /usr/lib/x86_64-linux-gnu/ /base-libs/
RUN case "$GIT" in with-git | without-git) ;; *) echo "GIT must be with-git or without-git, not '$GIT'"; exit 1 ;; esac \
 && mkdir -p /files/without-git /files/with-git \
 && if [ "$GIT" = without-git ]; then exit 0; fi \
 && apt-get update \
 && apt-get install -y --no-install-recommends git \
 && rm -rf /var/lib/apt/lists/* \
 && out=/files/with-git \
 && mkdir -p $out/usr/bin $out/usr/lib/git-core $out/usr/lib/x86_64-linux-gnu \
 && cp /usr/bin/git $out/usr/bin/git \
 && cp /usr/lib/git-core/git-remote-http $out/usr/lib/git-core/git-remote-http \
 && ln -s git-remote-http $out/usr/lib/git-core/git-remote-https \
 && ln -s ../../bin/git $out/usr/lib/git-core/git \
 && for lib in $(ldd /usr/bin/git /usr/lib/git-core/git-remote-http | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u); do \
      [ -e "/base-libs/$(basename "$lib")" ] || cp -L "$lib" $out/usr/lib/x86_64-linux-gnu/ || exit 1; \
    done

FROM runtime-base
ARG ACTION
ARG GIT
# OCI labels: image.source links the GHCR package to its repository (so it can inherit the repository's access and
# show its README); release.yml passes the real ${server_url}/${repository} plus version and revision.
ARG IMAGE_SOURCE=https://github.com/bookiji/bookiji-actions
LABEL org.opencontainers.image.title="bookiji-actions-${ACTION}" \
      org.opencontainers.image.description="Bookiji Actions: ${ACTION}, a Level 4 CI/CD action as a Native AOT .NET 10 program" \
      org.opencontainers.image.source="${IMAGE_SOURCE}" \
      org.opencontainers.image.url="${IMAGE_SOURCE}" \
      org.opencontainers.image.licenses="MIT"
COPY --from=git /files/${GIT}/ /
COPY --from=build /out/actions/ /actions/
# The chiseled base runs as its non-root app user (uid 1654). GitHub runs Docker actions as root and mounts the
# workspace and file-command files owned by the runner's user: back to root, as the runner expects.
USER 0:0
# The runner passes runs.entrypoint (/actions/<name>); run by hand, the image starts its action too.
ENTRYPOINT ["/actions/entrypoint"]
