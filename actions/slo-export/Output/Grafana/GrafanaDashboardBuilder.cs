using System.Text.Json;
using Bookiji.Actions.Core.Inputs;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>
/// Builds the Grafana dashboard (pure): a fixed uid, a data source variable for the Infinity plugin, and panels over
/// the flat rows export, read from <c>dashboard-rows-url</c> or embedded inline as a snapshot.
/// </summary>
public static class GrafanaDashboardBuilder
{
    /// <summary>Fixed, so importing a newer export replaces the dashboard instead of adding a copy.</summary>
    public const string Uid = "bookiji-slo-export";

    /// <summary>The Infinity data source plugin's id.</summary>
    public const string InfinityPlugin = "yesoreyeram-infinity-datasource";

    /// <summary>The dashboard schema version written (Grafana 10.4+ read it).</summary>
    public const int SchemaVersion = 39;

    /// <summary>
    /// Most rows embedded in a snapshot dashboard: every panel carries its own copy, so 10,000 rows would make a
    /// dashboard of tens of MB. Longer windows are served whole through <c>dashboard-rows-url</c>.
    /// </summary>
    public const int MaxInlineRows = 1_000;

    private static readonly GrafanaDatasourceRef Infinity = new() { Type = InfinityPlugin, Uid = "${datasource}" };

    /// <summary>Builds the dashboard for <paramref name="summary"/> and its <paramref name="rows"/>.</summary>
    public static GrafanaDashboard Build(SloSummary summary, IReadOnlyList<SloRow> rows, string service, UserUrl? rowsUrl)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(rows);
        var embedded = rows.Count > MaxInlineRows ? rows.Skip(rows.Count - MaxInlineRows).ToList() : rows;
        var inline = rowsUrl is null ? JsonSerializer.Serialize(embedded, CompactRows.Relaxed.IReadOnlyListSloRow) : null;
        GrafanaTarget Query(params (string Selector, string Text, string Type)[] columns) => new()
        {
            RefId = "A",
            Datasource = Infinity,
            Type = "json",
            Source = inline is null ? "url" : "inline",
            Url = rowsUrl?.Text,
            UrlOptions = rowsUrl is null ? null : new GrafanaUrlOptions { Method = "GET", Data = string.Empty },
            Data = inline,
            Format = "table",
            Parser = "backend",
            RootSelector = string.Empty,
            Columns = [new GrafanaColumn { Selector = "time", Text = "Time", Type = "timestamp" }, .. columns.Select(c => new GrafanaColumn { Selector = c.Selector, Text = c.Text, Type = c.Type })],
        };
        var targets = summary.Targets;
        return new GrafanaDashboard
        {
            Uid = Uid,
            Title = $"{service} SLOs from CI",
            Description = $"SLO compliance from CI runs (slo-export): booking P95 ≤ {targets.BookingLatencyMs} ms, uptime ≥ {targets.Uptime} %. " +
                (inline is null ? "Rows are read from the published slo-rows.json."
                    : embedded.Count < rows.Count ? $"Snapshot of the last {embedded.Count:N0} of {summary.Period} exported at {summary.Timestamp}; set dashboard-rows-url to chart them all."
                    : $"Snapshot of {summary.Period} exported at {summary.Timestamp}."),
            Tags = ["slo", "ci", service],
            Timezone = "utc",
            SchemaVersion = SchemaVersion,
            Version = 1,
            Editable = true,
            Time = inline is null || embedded.Count == 0
                ? new GrafanaTimeRange { From = "now-30d", To = "now" }
                : new GrafanaTimeRange { From = embedded[0].Time, To = summary.Timestamp },
            Templating = new GrafanaTemplating
            {
                List = [new GrafanaVariable { Name = "datasource", Label = "Infinity data source", Type = "datasource", Query = InfinityPlugin, Hide = 0 }],
            },
            Panels =
            [
                Stat(1, "Booking latency budget remaining", "Share of the latency error budget left over the rolling period, as of the latest run.", 0, Query(("latencyBudgetRemaining", "Latency budget remaining", "number"))),
                Stat(2, "Uptime budget remaining", "Share of the uptime error budget left over the rolling period, as of the latest run.", 12, Query(("uptimeBudgetRemaining", "Uptime budget remaining", "number"))),
                Series(3, "Test pass rate", "Each run's Σpassed / Σ(passed + failed).", "percent", 0, 4, 0, 100, Steps(("red", null), ("green", 95)), Query(("passRate", "Pass rate", "number"))),
                Series(4, "Booking P95 latency vs target", "Each run's nearest-rank P95 of booking latencies, against the target.", "ms", 12, 4, 0, null, Steps(("green", null), ("red", targets.BookingLatencyMs)), Query(("bookingP95Ms", "Booking P95", "number"), ("bookingTargetMs", "Target", "number"))),
                Series(5, "Synthetic uptime vs target", "Each run's synthetic uptime, against the target.", "percent", 0, 12, null, 100, Steps(("red", null), ("green", targets.Uptime)), Query(("uptime", "Uptime", "number"), ("uptimeTarget", "Target", "number"))),
                Series(6, "Error budget remaining", "Budget left over the rolling period ending at each run; below 0 it is overspent.", "percent", 12, 12, null, 100, Steps(("red", null), ("orange", 0), ("green", 25)), Query(("latencyBudgetRemaining", "Latency", "number"), ("uptimeBudgetRemaining", "Uptime", "number"))),
            ],
        };
    }

    private static GrafanaPanel Stat(int id, string title, string description, int x, GrafanaTarget query) => new()
    {
        Id = id,
        Type = "stat",
        Title = title,
        Description = description,
        GridPos = new GrafanaGridPos { H = 4, W = 12, X = x, Y = 0 },
        Datasource = Infinity,
        Targets = [query],
        FieldConfig = Config("percent", null, 100, Steps(("red", null), ("orange", 0), ("green", 25))),
        Options = new GrafanaStatOptions
        {
            ReduceOptions = new GrafanaReduceOptions { Calcs = ["lastNotNull"], Values = false, Fields = string.Empty },
            ColorMode = "background",
            GraphMode = "area",
        },
    };

    private static GrafanaPanel Series(int id, string title, string description, string unit, int x, int y, double? min, double? max, GrafanaThresholds thresholds, GrafanaTarget query) => new()
    {
        Id = id,
        Type = "timeseries",
        Title = title,
        Description = description,
        GridPos = new GrafanaGridPos { H = 8, W = 12, X = x, Y = y },
        Datasource = Infinity,
        Targets = [query],
        FieldConfig = Config(unit, min, max, thresholds),
    };

    private static GrafanaFieldConfig Config(string unit, double? min, double? max, GrafanaThresholds thresholds) => new()
    {
        Defaults = new GrafanaFieldDefaults { Unit = unit, Min = min, Max = max, Thresholds = thresholds },
        Overrides = [],
    };

    private static GrafanaThresholds Steps(params (string Color, double? Value)[] steps) => new()
    {
        Mode = "absolute",
        Steps = [.. steps.Select(s => new GrafanaThresholdStep { Color = s.Color, Value = s.Value })],
    };
}
