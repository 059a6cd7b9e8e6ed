using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.SloExport.Download;
using Bookiji.Actions.SloExport.Slo;
using D = Bookiji.Actions.SloExport.SloExportDefinition;

namespace Bookiji.Actions.SloExport;

/// <summary>Export mode: read the CI metrics, write the SLO files.</summary>
/// <param name="MetricsDirectory">The CI metrics folder (absolute).</param>
/// <param name="OutputDirectory">The folder for the SLO files (absolute).</param>
/// <param name="Settings">Targets and windows: the pure core's configuration.</param>
/// <param name="MaxFiles">The most metrics files read.</param>
/// <param name="Artifacts">Where to download metrics artifacts from, when asked to.</param>
/// <param name="RowsUrl">Where the rows export is published, for the dashboard's queries.</param>
/// <param name="OpenSlo">Whether to write OpenSLO YAML.</param>
/// <param name="Service">The service's name.</param>
public sealed record SloExportInputs(
    string MetricsDirectory,
    string OutputDirectory,
    SloSettings Settings,
    int MaxFiles,
    ArtifactSource? Artifacts,
    UserUrl? RowsUrl,
    bool OpenSlo,
    string Service) : SloInputs(MetricsDirectory)
{
    /// <summary>Reads export mode's inputs; null when one is invalid (the reader holds the errors).</summary>
    internal static SloExportInputs? Read(InputReader reader, GitHubContext context, string? metricsDir)
    {
        var settings = new SloSettings
        {
            Window = reader.Read(D.Window),
            TargetLatencyMs = reader.Read(D.TargetLatency) ?? 500,
            TargetUptime = reader.Read(D.TargetUptime) ?? 99.9,
            BudgetPeriod = reader.Read(D.BudgetPeriod) ?? TimeSpan.FromDays(30),
            ShortWindowRuns = reader.Read(D.ShortWindowRuns),
        };
        var maxFiles = reader.Read(D.MaxFiles);
        var outputDir = reader.Read(D.OutputDir);
        var artifacts = ReadArtifacts(reader, context);
        var rowsUrl = reader.Read(D.RowsUrl);
        var openSlo = reader.Read(D.OpenSlo);
        var service = ReadService(reader, context);
        return metricsDir is null || outputDir is null || reader.Errors.Count > 0
            ? null
            : new SloExportInputs(metricsDir, outputDir, settings, maxFiles, artifacts, rowsUrl, openSlo, service);
    }
}
