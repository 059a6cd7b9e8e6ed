using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Actions.SloExport;

/// <summary>slo-export's export mode run through the local runner from its action.yml, as GitHub runs it.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SloExportActionTests
{
    private static readonly DateTimeOffset Now = SloExportHarness.Now;

    private static void ThreeRuns(TemporaryDirectory dir)
    {
        SloExportHarness.WriteRun(dir, "a.json", SloExportHarness.Metrics(1, Now.AddHours(-3), [300, 420], passed: 9, failed: 1, sha: "aaaaaaa"));
        SloExportHarness.WriteRun(dir, "b.json", SloExportHarness.Metrics(2, Now.AddHours(-2), [450, 480], sha: "bbbbbbb"));
        SloExportHarness.WriteRun(dir, "c.json", SloExportHarness.Metrics(3, Now.AddHours(-1), [350], sha: "ccccccc"));
    }

    [TestCase("schedule")]
    [TestCase("workflow_dispatch")]
    [TestCase("push")]
    public async Task Export_WritesTheBriefsFilesInTheBriefsFieldOrder_OnEveryEvent(string eventName)
    {
        using var dir = new TemporaryDirectory();
        ThreeRuns(dir);
        var result = await SloExportHarness.Run(dir, eventName: eventName);
        var summary = SloExportHarness.ReadJson(result, result.Outputs["summary-path"]);
        var timeseries = SloExportHarness.ReadJson(result, "slo/slo-timeseries.json");
        var runs = timeseries["runs"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(result.Annotations("warning"), Is.Empty, result.Log);
            Assert.That(result.Outputs["summary-path"], Is.EqualTo("slo/slo-summary.json"));
            Assert.That(summary.Select(p => p.Key).Take(5), Is.EqualTo(new[] { "timestamp", "period", "targets", "metrics", "compliance" }));
            Assert.That(summary["targets"]!.AsObject().Select(p => p.Key).Take(2), Is.EqualTo(new[] { "bookingLatencyMs", "uptime" }));
            Assert.That(summary["metrics"]!.AsObject().Select(p => p.Key).Take(4), Is.EqualTo(new[] { "passRate", "failRate", "bookingP95Latency", "uptimeApprox" }));
            Assert.That(summary["compliance"]!.AsObject().Select(p => p.Key).Take(3), Is.EqualTo(new[] { "bookingLatency", "uptime", "overall" }));
            Assert.That(summary["timestamp"]!.GetValue<string>(), Is.EqualTo("2025-12-07T03:00:00Z"));
            Assert.That(summary["period"]!.GetValue<string>(), Is.EqualTo("3 runs"));
            Assert.That(summary["metrics"]!["passRate"]!.GetValue<double>(), Is.EqualTo(96.667), "29 of 30 tests");
            Assert.That(summary["metrics"]!["bookingP95Latency"]!.GetValue<double>(), Is.EqualTo(480));
            Assert.That(summary["compliance"]!["bookingLatency"]!.GetValue<bool>(), Is.True);
            Assert.That(summary["compliance"]!["uptime"]!.GetValue<bool>(), Is.False, "one red run in three, no health checks");
            Assert.That(timeseries.Select(p => p.Key).Take(2), Is.EqualTo(new[] { "timestamp", "runs" }));
            Assert.That(runs[0]!.AsObject().Select(p => p.Key).Take(5), Is.EqualTo(new[] { "timestamp", "commitSha", "passRate", "bookingP95Latency", "passed" }));
            Assert.That(runs.Select(r => r!["commitSha"]!.GetValue<string>()), Is.EqualTo(new[] { "aaaaaaa", "bbbbbbb", "ccccccc" }), "oldest first");
            Assert.That(result.Outputs["compliant"], Is.EqualTo("false"));
            Assert.That(result.Outputs["pass-rate"], Is.EqualTo("96.667"));
            Assert.That(result.Outputs["booking-p95"], Is.EqualTo("480"));
            Assert.That(result.Outputs["uptime"], Is.EqualTo("66.667"));
            Assert.That(result.Outputs["runs"], Is.EqualTo("3"));
            Assert.That(File.Exists(Path.Combine(result.Workspace, "slo", "grafana-dashboard.json")), Is.True);
            Assert.That(File.Exists(Path.Combine(result.Workspace, "slo", "slo-chart.svg")), Is.True);
            Assert.That(File.Exists(Path.Combine(result.Workspace, "slo", "openslo.yaml")), Is.False, "OpenSLO only when asked for");
            Assert.That(result.Summary, Does.Contain("<h2>SLO compliance</h2>").And.Contain("```mermaid").And.Contain("booking-latency"));
            Assert.That(result.Commands.Select(c => c.Command), Does.Contain("group"));
        });
    }

    [Test]
    public async Task Export_Summary_LinksTheDashboardGuideAbsolutelyNeverARelativeDocsPath()
    {
        using var dir = new TemporaryDirectory();
        ThreeRuns(dir);
        var result = await SloExportHarness.Run(dir);
        Assert.Multiple(() =>
        {
            Assert.That(Bookiji.Actions.Tests.Core.Markdown.RelativeDocLinks.Find(result.Summary), Is.Empty, result.Summary);
            Assert.That(result.Summary, Does.Contain(Bookiji.Actions.Core.Markdown.ProjectLinks.Doc("SLO_DASHBOARD.md")));
        });
    }

    [Test]
    public async Task Targets_FallBackToTheBriefsVariables_AndInputsWinOverThem()
    {
        using var dir = new TemporaryDirectory();
        ThreeRuns(dir);
        var env = new Dictionary<string, string> { ["SLO_TARGET_BOOKING_LATENCY_MS"] = "400", ["SLO_TARGET_UPTIME"] = "50" };
        JsonNode Targets(Bookiji.Actions.Runner.ActionRunResult r) => SloExportHarness.ReadJson(r, "slo/slo-summary.json")["targets"]!;
        var fromEnv = await SloExportHarness.Run(dir, env: env);
        var envTargets = Targets(fromEnv);
        var fromInput = await SloExportHarness.Run(dir, env: env, with: new() { ["target-booking-latency-ms"] = "600" });
        var inputTargets = Targets(fromInput);
        var defaults = await SloExportHarness.Run(dir);
        var defaultTargets = Targets(defaults);
        Assert.Multiple(() =>
        {
            Assert.That(envTargets["bookingLatencyMs"]!.GetValue<double>(), Is.EqualTo(400));
            Assert.That(envTargets["uptime"]!.GetValue<double>(), Is.EqualTo(50));
            Assert.That(fromEnv.Outputs["compliant"], Is.EqualTo("false"), "P95 480 > 400");
            Assert.That(inputTargets["bookingLatencyMs"]!.GetValue<double>(), Is.EqualTo(600));
            Assert.That(fromInput.Outputs["compliant"], Is.EqualTo("true"), "480 ≤ 600 and 66.7 % ≥ 50 %");
            Assert.That(defaultTargets["bookingLatencyMs"]!.GetValue<double>(), Is.EqualTo(500));
            Assert.That(defaultTargets["uptime"]!.GetValue<double>(), Is.EqualTo(99.9));
        });
    }

    [Test]
    public async Task MissingMetricsFolder_WarnsAndWritesInsufficientData_ExitZero()
    {
        using var dir = new TemporaryDirectory();
        var result = await SloExportHarness.Run(dir);
        var summary = SloExportHarness.ReadJson(result, "slo/slo-summary.json");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Annotations("warning").Single().Message, Does.Contain("'ci-metrics' does not exist"));
            Assert.That(summary["status"]!.GetValue<string>(), Is.EqualTo("insufficient_data"));
            Assert.That(summary["metrics"]!["passRate"], Is.Null);
            Assert.That(summary["compliance"]!["overall"], Is.Null);
            Assert.That(result.Outputs["compliant"], Is.EqualTo("insufficient_data"));
            Assert.That(result.Outputs["booking-p95"], Is.EqualTo("insufficient_data"));
            Assert.That(result.Summary, Does.Contain("insufficient_data").And.Contain("0 runs").And.Not.Contain("mermaid"));
            Assert.That(File.ReadAllText(Path.Combine(result.Workspace, "slo", "slo-chart.svg")), Does.Contain("No runs in the window"));
        });
    }

    [Test]
    public async Task EmptyFolder_AndOneRun_ReadWell()
    {
        using var empty = new TemporaryDirectory();
        Directory.CreateDirectory(empty.Combine("workspace", "ci-metrics"));
        var none = await SloExportHarness.Run(empty);
        using var single = new TemporaryDirectory();
        SloExportHarness.WriteRun(single, "only.json", SloExportHarness.Metrics(1, Now.AddHours(-1), [320]));
        var one = await SloExportHarness.Run(single);
        Assert.Multiple(() =>
        {
            Assert.That(none.Annotations("warning").Single().Message, Does.Contain("No usable CI metrics file"));
            Assert.That(one.Annotations("warning"), Is.Empty);
            Assert.That(one.Summary, Does.Contain("over 1 run").And.Contain("1 of 1"));
            Assert.That(one.Outputs["booking-p95"], Is.EqualTo("320"));
        });
    }

    [Test]
    public async Task Export_TenThousandRuns_GiveABoundedSummaryAndChart()
    {
        using var dir = new TemporaryDirectory();
        for (var i = 1; i <= 10_000; i++)
        {
            SloExportHarness.WriteRun(dir, $"r/{i}.json", SloExportHarness.Metrics(i, Now.AddMinutes(-10_001 + i), [200 + (i % 400)], failed: i % 97 == 0 ? 1 : 0));
        }

        var result = await SloExportHarness.Run(dir, with: new() { ["window"] = "10000" });
        var svg = File.ReadAllText(Path.Combine(result.Workspace, "slo", "slo-chart.svg"));
        var mermaidBars = result.Summary.Split('\n').Single(l => l.TrimStart().StartsWith("bar [", StringComparison.Ordinal)).Split(',').Length;
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Outputs["runs"], Is.EqualTo("10000"));
            Assert.That(result.Summary.Length, Is.LessThan(64 * 1024));
            Assert.That(mermaidBars, Is.LessThanOrEqualTo(50));
            Assert.That(svg.Split(' ').Length, Is.LessThan(5_000), "the chart is bucketed");
            Assert.That(result.Log, Does.Contain("read 5,000 of 10,000 files"), "long loads print progress");
        });
    }

    [Test]
    public async Task MoreFilesThanMaxFiles_ReadsTheNewest_AndSaysWhatWasCut()
    {
        using var dir = new TemporaryDirectory();
        for (var i = 1; i <= 6; i++)
        {
            SloExportHarness.WriteRun(dir, $"{i}.json", SloExportHarness.Metrics(i, Now.AddHours(-10 + i)));
            File.SetLastWriteTimeUtc(dir.Combine("workspace", "ci-metrics", $"{i}.json"), new DateTime(2025, 12, 1, i, 0, 0, DateTimeKind.Utc));
        }

        var result = await SloExportHarness.Run(dir, with: new() { ["max-files"] = "4" });
        var warning = result.Annotations("warning").Single();
        var timeseries = SloExportHarness.ReadJson(result, "slo/slo-timeseries.json");
        Assert.Multiple(() =>
        {
            Assert.That(warning.Properties["title"], Is.EqualTo("slo-export: not_read"));
            Assert.That(warning.Message, Does.Contain("1.json").And.Contain("2.json"));
            Assert.That(timeseries["runs"]!.AsArray().Select(r => r!["runId"]!.GetValue<long>()), Is.EqualTo(new long[] { 3, 4, 5, 6 }));
        });
    }

    [Test]
    public async Task ManyBadFiles_AreOneWarningPerKind_NamingAFewAndCountingAll()
    {
        using var dir = new TemporaryDirectory();
        for (var i = 0; i < 300; i++)
        {
            SloExportHarness.WriteRun(dir, $"bad-{i:D3}.json", "[1, 2");
        }

        SloExportHarness.WriteRun(dir, "good.json", SloExportHarness.Metrics(1, Now.AddHours(-1)));
        var result = await SloExportHarness.Run(dir);
        var warning = result.Annotations("warning").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(warning.Message, Does.StartWith("300 file(s) in 'ci-metrics': file skipped. bad-000.json, bad-001.json"));
            Assert.That(warning.Message, Does.Contain("and 295 more"));
            Assert.That(result.Outputs["runs"], Is.EqualTo("1"), "the good file is still used");
            Assert.That(result.Summary, Does.Contain("malformed: 300").And.Contain("… and 280 more"));
        });
    }

    [Test]
    public async Task BadInputs_AreAllReportedAtOnce_AndNothingIsWritten()
    {
        using var dir = new TemporaryDirectory();
        var result = await SloExportHarness.Run(dir, with: new()
        {
            ["target-uptime"] = "100",
            ["window"] = "0",
            ["service"] = "Not A Name",
            ["metrics-dir"] = "../../etc",
            ["dashboard-rows-url"] = "https://user:secret@grafana.example.com/rows.json",
        });
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Annotations("error").Select(e => e.Properties["title"]), Is.EquivalentTo(new[]
            {
                "slo-export: invalid input 'target-uptime'", "slo-export: invalid input 'window'", "slo-export: invalid input 'service'",
                "slo-export: invalid input 'metrics-dir'", "slo-export: invalid input 'dashboard-rows-url'",
            }));
            Assert.That(Directory.Exists(Path.Combine(result.Workspace, "slo")), Is.False);
        });
    }

    [Test]
    public async Task RowsUrl_MakesTheDashboardReadPublishedRows_KeptAsWritten()
    {
        using var dir = new TemporaryDirectory();
        ThreeRuns(dir);
        var result = await SloExportHarness.Run(dir, with: new() { ["dashboard-rows-url"] = "https://bookiji.github.io/slo/slo-rows.json" });
        var target = SloExportHarness.ReadJson(result, "slo/grafana-dashboard.json")["panels"]![0]!["targets"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(target["source"]!.GetValue<string>(), Is.EqualTo("url"));
            Assert.That(target["url"]!.GetValue<string>(), Is.EqualTo("https://bookiji.github.io/slo/slo-rows.json"));
            Assert.That(target.AsObject().ContainsKey("data"), Is.False);
        });
    }
}
