using Bookiji.Actions.SloExport.Output;

namespace Bookiji.Actions.SloExport.Slo;

/// <summary>Everything the pure core computed: the files' contents before anything is written.</summary>
/// <param name="Summary">slo-summary.json.</param>
/// <param name="Timeseries">slo-timeseries.json.</param>
/// <param name="Rows">slo-rows.json.</param>
public sealed record SloResult(SloSummary Summary, SloTimeseries Timeseries, IReadOnlyList<SloRow> Rows);
