using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.SloExport.Download;
using Bookiji.Actions.SloExport.Metrics;
using Bookiji.Actions.SloExport.Output;
using Bookiji.Actions.SloExport.Record;
using Bookiji.Actions.SloExport.Slo;

namespace Bookiji.Actions.SloExport;

/// <summary>
/// Brief §4: aggregates CI metrics into SLO compliance (<c>slo/slo-summary.json</c>, <c>slo/slo-timeseries.json</c>),
/// error budgets and burn rates, and dashboard-ready files; in record mode, writes one CI run's metrics file.
/// </summary>
public sealed class SloExportAction : IAction
{
    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => SloExportDefinition.Definition;

    /// <inheritdoc />
    public Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return SloInputs.Parse(runtime) switch
        {
            SloRecordInputs record => RecordAsync(runtime, record, cancellationToken),
            SloExportInputs export => ExportAsync(runtime, export, cancellationToken),
            _ => throw new InvalidOperationException("unknown mode"),
        };
    }

    private static async Task ExportAsync(ActionRuntime runtime, SloExportInputs inputs, CancellationToken cancellationToken)
    {
        var core = runtime.Core;
        var now = runtime.Time.GetUtcNow();
        DownloadResult? download = null;
        if (inputs.Artifacts is { } source)
        {
            download = await core.Group(
                $"Downloading artifacts '{source.Name}' of {source.Repository}",
                () => new ArtifactDownloader(source, core).DownloadAsync(inputs.MetricsDirectory, cancellationToken));
        }

        var load = await core.Group(
            $"Loading CI metrics from {runtime.RelativeToWorkspace(inputs.MetricsDirectory)}",
            () => MetricsLoader.LoadAsync(inputs.MetricsDirectory, inputs.MaxFiles, core, cancellationToken));
        var issues = new List<DataIssue>(load.Issues);
        issues.AddRange(download?.Issues ?? []);
        var runs = RunSelection.Select(load.Runs, now, issues);
        var quality = DataQualityReport.Build(load.FilesFound, load.FilesRead, runs.Count, issues, load.NotReadBeyondListed);
        var result = SloCalculator.Compute(runs, inputs.Settings, now, quality);
        var written = await SloExportFiles.WriteAsync(runtime, inputs, result, cancellationToken);
        await SloExportReport.WriteAsync(runtime, inputs, written, load, download, issues, cancellationToken);
    }

    private static async Task RecordAsync(ActionRuntime runtime, SloRecordInputs inputs, CancellationToken cancellationToken)
    {
        var report = await ReportReader.ReadAsync(inputs, cancellationToken);
        var metrics = MetricsRecordBuilder.Build(report, inputs.Run, inputs.Health, runtime.Time.GetUtcNow());
        var path = Path.Combine(inputs.MetricsDirectory, MetricsRecordBuilder.FileName(inputs.Run));
        await Core.Toolkit.JsonFile.WriteAsync(path, metrics, CiMetricsJsonContext.Default.CiMetricsFile, cancellationToken);
        await SloRecordReport.WriteAsync(runtime, inputs, report, metrics, path, cancellationToken);
    }
}
