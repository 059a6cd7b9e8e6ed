using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.SloExport.Output.Grafana;
using Bookiji.Actions.SloExport.Slo;

namespace Bookiji.Actions.SloExport.Output;

/// <summary>The one place export mode writes files: the brief's two, the rows export, the dashboard, the chart, OpenSLO.</summary>
public static class SloExportFiles
{
    /// <summary>The brief's summary file name.</summary>
    public const string SummaryFile = "slo-summary.json";

    /// <summary>The brief's timeseries file name.</summary>
    public const string TimeseriesFile = "slo-timeseries.json";

    /// <summary>Flat rows for Grafana's Infinity data source.</summary>
    public const string RowsFile = "slo-rows.json";

    /// <summary>The Grafana dashboard.</summary>
    public const string DashboardFile = "grafana-dashboard.json";

    /// <summary>The SVG chart.</summary>
    public const string ChartFile = "slo-chart.svg";

    /// <summary>The OpenSLO documents.</summary>
    public const string OpenSloFile = "openslo.yaml";

    /// <summary>Writes every file; returns the result with the summary's <c>files</c> block filled in.</summary>
    public static async Task<SloResult> WriteAsync(ActionRuntime runtime, SloExportInputs inputs, SloResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(result);
        string Path(string name) => System.IO.Path.Combine(inputs.OutputDirectory, name);
        string Relative(string name) => runtime.RelativeToWorkspace(Path(name));
        var summary = result.Summary with
        {
            Files = new SloFiles
            {
                Timeseries = Relative(TimeseriesFile),
                Rows = Relative(RowsFile),
                Dashboard = Relative(DashboardFile),
                Chart = Relative(ChartFile),
                OpenSlo = inputs.OpenSlo ? Relative(OpenSloFile) : null,
            },
        };
        await JsonFile.WriteAsync(Path(SummaryFile), summary, SloJsonContext.Files.SloSummary, cancellationToken);
        await JsonFile.WriteAsync(Path(TimeseriesFile), result.Timeseries, SloJsonContext.Files.SloTimeseries, cancellationToken);
        await JsonFile.WriteAsync(Path(RowsFile), result.Rows, SloJsonContext.Files.IReadOnlyListSloRow, cancellationToken);
        var dashboard = GrafanaDashboardBuilder.Build(summary, result.Rows, inputs.Service, inputs.RowsUrl);
        await JsonFile.WriteAsync(Path(DashboardFile), dashboard, SloJsonContext.Files.GrafanaDashboard, cancellationToken);
        await OutputFile.WriteTextAsync(Path(ChartFile), SvgChart.Render(summary, result.Rows), cancellationToken);
        if (inputs.OpenSlo)
        {
            await OutputFile.WriteTextAsync(Path(OpenSloFile), OpenSloYaml.Render(summary, inputs.Service, runtime.RelativeToWorkspace(inputs.MetricsDirectory)), cancellationToken);
        }

        return result with { Summary = summary };
    }
}
