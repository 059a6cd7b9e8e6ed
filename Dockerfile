# One image for every Bookiji action. Each action.yml points here (image: ../../Dockerfile) because the
# runner builds with the Dockerfile's own folder as context, and only the repository root can reach
# shared/Bookiji.Actions.Core. Each action is published with Native AOT and lands at /actions/<name>.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/Bookiji.Actions.Core/Bookiji.Actions.Core.csproj shared/Bookiji.Actions.Core/
COPY actions/deploy-metadata/Bookiji.Actions.DeployMetadata.csproj actions/deploy-metadata/
COPY actions/ephemeral-env/Bookiji.Actions.EphemeralEnv.csproj actions/ephemeral-env/
COPY actions/predict-tests/Bookiji.Actions.PredictTests.csproj actions/predict-tests/
COPY actions/traffic-shadow/Bookiji.Actions.TrafficShadow.csproj actions/traffic-shadow/
RUN dotnet restore actions/deploy-metadata/Bookiji.Actions.DeployMetadata.csproj -r linux-x64 \
 && for p in ephemeral-env/Bookiji.Actions.EphemeralEnv predict-tests/Bookiji.Actions.PredictTests traffic-shadow/Bookiji.Actions.TrafficShadow; do \
      dotnet restore actions/$p.csproj -r linux-x64 -p:SelfContained=true -p:PublishReadyToRun=true || exit 1; done
COPY shared/ shared/
COPY actions/ actions/
# Native AOT where every dependency allows it.
RUN dotnet publish actions/deploy-metadata/Bookiji.Actions.DeployMetadata.csproj -c Release -r linux-x64 --no-restore -o /out/aot
# The rest: self-contained ReadyToRun, all into one folder so they share one copy of the runtime
# (central package versions keep their dependencies identical).
RUN for p in ephemeral-env/Bookiji.Actions.EphemeralEnv predict-tests/Bookiji.Actions.PredictTests traffic-shadow/Bookiji.Actions.TrafficShadow; do \
      dotnet publish actions/$p.csproj -c Release -r linux-x64 --no-restore --self-contained -p:PublishReadyToRun=true -o /out/app || exit 1; done

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
# predict-tests reads the checked-out repository with git.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git \
 && rm -rf /var/lib/apt/lists/*
LABEL org.opencontainers.image.title="bookiji-actions" \
      org.opencontainers.image.description="Bookiji Actions: Level 4 CI/CD actions as .NET 10 Native AOT programs"
COPY --from=build /out/app/ /app/
COPY --from=build /out/aot/deploy-metadata /actions/deploy-metadata
RUN ln -s /app/ephemeral-env /actions/ephemeral-env \
 && ln -s /app/predict-tests /actions/predict-tests \
 && ln -s /app/traffic-shadow /actions/traffic-shadow
# The runner overrides the entrypoint per action (runs.entrypoint); this default lists what is here.
ENTRYPOINT ["/bin/sh", "-c", "echo 'Bookiji Actions image: run one of' /actions/*; exit 2"]
