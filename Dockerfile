# One image for every Bookiji action. Each action.yml points here (image: ../../Dockerfile) because the
# runner builds with the Dockerfile's own folder as context, and only the repository root can reach
# shared/Bookiji.Actions.Core. Actions are discovered: every actions/<name>/ project (AssemblyName = <name>)
# lands at /actions/<name>, published with Native AOT when its project sets PublishAot, else self-contained
# ReadyToRun into one shared /app folder (one copy of the runtime). A new action needs no edit here.
# Base images pinned by digest (reproducible builds; Dependabot's docker ecosystem moves them). Local builds against
# stand-in images override them: --build-arg SDK_IMAGE=... --build-arg RUNTIME_IMAGE=... (scripts/lib/podman.sh).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0@sha256:ea8bde36c11b6e7eec2656d0e59101d4462f6bd630730f2c8201ed0572b295d5
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0@sha256:962ef681468320cc5ef25fa18259cf3200247cec2ee96c2574174d4824272151

FROM ${SDK_IMAGE} AS projects
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/ shared/
COPY actions/ actions/
# Keep only what restore reads, so the restore layer below stays cached until a project file changes.
RUN find . -type f ! -name '*.csproj' ! -name '*.props' ! -name 'global.json' ! -name 'packages.lock.json' -delete \
 && find . -mindepth 1 -type d -empty -delete

FROM ${SDK_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
COPY --from=projects /src/ ./
RUN for project in actions/*/*.csproj; do \
      if grep -q '<PublishAot>true</PublishAot>' "$project"; then dotnet restore "$project" -r linux-x64 --locked-mode || exit 1; \
      else dotnet restore "$project" -r linux-x64 -p:SelfContained=true -p:PublishReadyToRun=true --locked-mode || exit 1; fi; done
COPY shared/ shared/
COPY actions/ actions/
RUN mkdir -p /out/app /out/actions \
 && for project in actions/*/*.csproj; do \
      name=$(basename "$(dirname "$project")"); \
      if grep -q '<PublishAot>true</PublishAot>' "$project"; then \
        dotnet publish "$project" -c Release -r linux-x64 --no-restore -o "/out/aot/$name" || exit 1; \
        cp "/out/aot/$name/$name" "/out/actions/$name"; \
      else \
        dotnet publish "$project" -c Release -r linux-x64 --no-restore --self-contained -p:PublishReadyToRun=true -o /out/app || exit 1; \
        ln -s "/app/$name" "/out/actions/$name"; \
      fi; \
      test -x "/out/app/$name" || test -x "/out/actions/$name" || { echo "actions/$name: no executable named $name (AssemblyName must be the folder name)"; exit 1; }; \
    done

FROM ${RUNTIME_IMAGE}
# Actions read the checked-out repository with git (change detection, history).
RUN apt-get update \
 && apt-get install -y --no-install-recommends git \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/cache/debconf/*-old /usr/share/doc/* /usr/share/man/* /var/log/apt /var/log/dpkg.log
# OCI labels: image.source links the GHCR package to its repository (so it can inherit the repository's access and
# show its README); release.yml passes the real ${server_url}/${repository} plus version and revision.
ARG IMAGE_SOURCE=https://github.com/bookiji/bookiji-actions
LABEL org.opencontainers.image.title="bookiji-actions" \
      org.opencontainers.image.description="Bookiji Actions: Level 4 CI/CD actions as .NET 10 programs, one image for every action" \
      org.opencontainers.image.source="${IMAGE_SOURCE}" \
      org.opencontainers.image.url="${IMAGE_SOURCE}" \
      org.opencontainers.image.licenses="MIT"
COPY --from=build /out/app/ /app/
COPY --from=build /out/actions/ /actions/
# The runner overrides the entrypoint per action (runs.entrypoint); this default lists what is here.
ENTRYPOINT ["/bin/sh", "-c", "echo 'Bookiji Actions image: run one of' /actions/*; exit 2"]
