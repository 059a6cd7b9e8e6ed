using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.SloExport.Record;

namespace Bookiji.Actions.SloExport;

/// <summary>The one declaration of slo-export's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class SloExportDefinition
{
    /// <summary>What the run does.</summary>
    public static readonly ChoiceInput<SloMode> Mode = new(
        "mode",
        "export: compute SLO compliance, error budgets and dashboards from the CI metrics files; record: write this run's CI metrics file from a test report.",
        SloMode.Export,
        ("export", SloMode.Export),
        ("record", SloMode.Record));

    /// <summary>The CI metrics folder (read by export, written by record).</summary>
    public static readonly PathInput MetricsDir = new("metrics-dir", "Folder of CI metrics files, one JSON file per CI run (read recursively by export; record writes into it).")
    {
        Default = "ci-metrics",
        Folder = true,
    };

    /// <summary>How many of the most recent runs the summary and timeseries cover.</summary>
    public static readonly IntegerInput Window = new("window", "Number of most recent runs the summary and timeseries cover (export).", 50, 1, 100_000);

    /// <summary>The brief's latency target.</summary>
    public static readonly NumberInput TargetLatency = new("target-booking-latency-ms", "Target booking P95 latency in milliseconds (export).", 500, 1, 3_600_000)
    {
        Env = "SLO_TARGET_BOOKING_LATENCY_MS",
    };

    /// <summary>The brief's uptime target.</summary>
    public static readonly NumberInput TargetUptime = new("target-uptime", "Target uptime in percent; 100 leaves no error budget and is refused (export).", 99.9, 1, 99.9999)
    {
        Env = "SLO_TARGET_UPTIME",
    };

    /// <summary>The error budget's rolling period.</summary>
    public static readonly DurationInput BudgetPeriod = new("budget-period", "Rolling period the error budget is spent over; burn-rate thresholds scale with it (export).", TimeSpan.FromDays(30), TimeSpan.FromDays(1), TimeSpan.FromDays(366));

    /// <summary>The short window of runs.</summary>
    public static readonly IntegerInput ShortWindowRuns = new("short-window-runs", "Runs in the short burn-rate window (the fast-burn alert's confirmation window) (export).", 5, 1, 1_000);

    /// <summary>The bound on files read.</summary>
    public static readonly IntegerInput MaxFiles = new("max-files", "Most metrics files read; past it the newest by modification time are read and the cut is reported (export).", 100_000, 1, 1_000_000);

    /// <summary>Where the SLO files go.</summary>
    public static readonly PathInput OutputDir = new("output-dir", "Folder for slo-summary.json, slo-timeseries.json, the rows export, the dashboard and the chart (the brief's slo/).")
    {
        Default = "slo",
        Folder = true,
    };

    /// <summary>The artifact to download.</summary>
    public static readonly TextInput ArtifactName = new("artifact-name", "Name of the workflow artifacts holding CI metrics files; when set, export first downloads the most recent ones into metrics-dir through the GitHub API.")
    {
        Format = "an artifact name",
    };

    /// <summary>How many artifacts to download.</summary>
    public static readonly IntegerInput ArtifactLimit = new("artifact-limit", "Most recent artifacts downloaded when artifact-name is set (export).", 50, 1, 1_000);

    /// <summary>Whose artifacts are trusted.</summary>
    public static readonly ListInput ArtifactBranches = new("artifact-branches", "Branches whose runs' artifacts are used (export). Artifacts of fork pull requests are never used, and each metrics file must describe the run that uploaded it.")
    {
        DefaultSummary = "the repository's default branch",
        Format = "branch names, one per line",
    };

    /// <summary>The bound on the whole download.</summary>
    public static readonly DurationInput DownloadTimeout = new("download-timeout", "Bound on the whole artifact download; what arrived by then is kept (export).", TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30));

    /// <summary>The token for the artifacts API.</summary>
    public static readonly TextInput GitHubToken = CommonInputs.GitHubToken("Token for the GitHub artifacts API (needs actions: read).");

    /// <summary>The repository whose artifacts are listed.</summary>
    public static readonly TextInput Repository = new("repository", "Repository whose workflow artifacts are downloaded, owner/name.")
    {
        Env = "GITHUB_REPOSITORY",
        ComputedDefault = "the current repository",
        Format = "owner/name",
    };

    /// <summary>Where Grafana reads the rows export from.</summary>
    public static readonly UrlInput RowsUrl = new("dashboard-rows-url", "URL where slo-rows.json is published; the Grafana dashboard's Infinity queries read it. Without it the rows are embedded in the dashboard (a snapshot).")
    {
        RefuseCredentials = true,
    };

    /// <summary>Whether to write OpenSLO YAML.</summary>
    public static readonly FlagInput OpenSlo = new("openslo", "Also write slo/openslo.yaml describing the objectives (OpenSLO v1) (export).", false);

    /// <summary>The service name in dashboards and OpenSLO.</summary>
    public static readonly TextInput Service = new("service", "Service name used in the dashboard title and the OpenSLO documents.")
    {
        ComputedDefault = "the repository's name in lower case, other characters as - (acme/My_App → my-app)",
        Format = "lower-case letters, digits and '-', 1 to 63 characters",
    };

    /// <summary>The test report record mode reads.</summary>
    public static readonly PathInput ReportFile = new("report-file", "Playwright JSON report or JUnit XML file the metrics file is recorded from (record; required there).");

    /// <summary>The report's format.</summary>
    public static readonly ChoiceInput<ReportFormat> ReportFormatInput = new(
        "report-format",
        "Format of report-file; auto decides by its first character (record).",
        ReportFormat.Auto,
        ("auto", ReportFormat.Auto),
        ("playwright", ReportFormat.Playwright),
        ("junit", ReportFormat.JUnit));

    /// <summary>Which tests are booking flows.</summary>
    public static readonly TextInput BookingPattern = new("booking-pattern", "Regular expression (case-insensitive) matched against a test's title path and file; matching passed tests give booking latency samples (record).")
    {
        Default = "booking",
        Format = "a .NET regular expression",
    };

    /// <summary>Synthetic health checks made during the run.</summary>
    public static readonly IntegerInput HealthChecks = new("health-checks", "Synthetic health checks made during the run, recorded as health.checks (record).", 0, 0, int.MaxValue)
    {
        ComputedDefault = "none recorded",
    };

    /// <summary>Failed synthetic health checks.</summary>
    public static readonly IntegerInput HealthFailures = new("health-failures", "Failed synthetic health checks, recorded as health.failures; needs health-checks (record).", 0, 0, int.MaxValue)
    {
        ComputedDefault = "none recorded",
    };

    /// <summary>Output: the summary's path.</summary>
    public static readonly OutputDefinition SummaryPath = new("summary-path", "Path of slo-summary.json, relative to the workspace (export).");

    /// <summary>Output: overall compliance.</summary>
    public static readonly OutputDefinition Compliant = new("compliant", "true when every objective is met, false when one is breached, insufficient_data when there is too little data to tell, error when the run failed (gate on compliant != 'true') (export).") { OnError = "error" };

    /// <summary>Output: the test pass rate.</summary>
    public static readonly OutputDefinition PassRate = new("pass-rate", "Test pass rate over the window in percent, or insufficient_data (export).");

    /// <summary>Output: the booking P95.</summary>
    public static readonly OutputDefinition BookingP95 = new("booking-p95", "Booking P95 latency over the window in milliseconds, or insufficient_data (export).");

    /// <summary>Output: the uptime.</summary>
    public static readonly OutputDefinition Uptime = new("uptime", "Synthetic uptime over the window in percent, or insufficient_data (export).");

    /// <summary>Output: the timeseries' path.</summary>
    public static readonly OutputDefinition TimeseriesPath = new("timeseries-path", "Path of slo-timeseries.json, relative to the workspace (export).");

    /// <summary>Output: the dashboard's path.</summary>
    public static readonly OutputDefinition DashboardPath = new("dashboard-path", "Path of the Grafana dashboard JSON, relative to the workspace (export).");

    /// <summary>Output: the runs counted.</summary>
    public static readonly OutputDefinition Runs = new("runs", "Number of runs in the window (export).");

    /// <summary>Output: the file record mode wrote.</summary>
    public static readonly OutputDefinition MetricsFile = new("metrics-file", "Path of the CI metrics file written, relative to the workspace (record).");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "slo-export",
        BriefSection = "§4",
        Description = "SLO compliance, error budgets and burn rates from CI metrics: slo-summary.json, timeseries, Grafana dashboard.",
        Icon = "activity",
        Color = "green",
        Permissions = ["`actions: read` — export mode with artifact-name: lists and downloads the recent runs' ci-metrics artifacts"],
        SwitchOff = "remove the record step from CI and the slo-dashboard workflow; nothing else depends on it",
        Inputs =
        [
            Mode, MetricsDir, Window, TargetLatency, TargetUptime, BudgetPeriod, ShortWindowRuns, MaxFiles, OutputDir,
            ArtifactName, ArtifactLimit, ArtifactBranches, DownloadTimeout, GitHubToken, Repository, RowsUrl, OpenSlo, Service,
            ReportFile, ReportFormatInput, BookingPattern, HealthChecks, HealthFailures,
        ],
        Outputs = [SummaryPath, Compliant, PassRate, BookingP95, Uptime, TimeseriesPath, DashboardPath, Runs, MetricsFile],
    };
}
