using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using static Bookiji.Actions.Tests.Actions.SloExport.SloExportHarness;

namespace Bookiji.Actions.Tests.Actions.SloExport;

/// <summary>One extreme file never loses the export: counts and dates are bounded on read, the file named and skipped, the rest computed.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SloExportBoundsTests
{
    private static readonly DateTimeOffset Now = SloExportHarness.Now;

    [Test]
    public async Task Export_CountsAtLongMaxValue_AreSkippedAndTheValidFilesStillCount()
    {
        using var dir = new TemporaryDirectory();
        WriteRun(dir, "ok.json", SloExportHarness.Metrics(1, Now.AddHours(-3), passed: 9, failed: 1));
        WriteRun(dir, "max-a.json", SloExportHarness.Metrics(2, Now.AddHours(-2), passed: long.MaxValue));
        WriteRun(dir, "max-b.json", SloExportHarness.Metrics(3, Now.AddHours(-1), passed: long.MaxValue, failed: long.MaxValue));
        WriteRun(dir, "health.json", SloExportHarness.Metrics(4, Now.AddHours(-1), health: (long.MaxValue, 0)));
        var result = await Run(dir);
        var summary = ReadJson(result, "slo/slo-summary.json");
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["runs"], Is.EqualTo("2"), "ok.json and health.json (its health ignored)");
            Assert.That(result.Outputs["pass-rate"], Is.Not.EqualTo("insufficient_data"));
            Assert.That(summary.ToJsonString(), Does.Contain("max-a.json").And.Contain("max-b.json"), "each skipped file is named");
        });
    }

    [TestCase("0001-01-01T00:00:00Z")]
    [TestCase("12/7/2025")]
    [TestCase("9999-12-31T23:59:59Z")]
    public async Task Export_TimestampOutsideTheBoundsOrNotIso_IsSkipped(string timestamp)
    {
        using var dir = new TemporaryDirectory();
        WriteRun(dir, "ok.json", SloExportHarness.Metrics(1, Now.AddHours(-3)));
        var bad = (JsonObject)JsonNode.Parse(SloExportHarness.Metrics(2, Now.AddHours(-2)))!;
        bad["timestamp"] = timestamp;
        WriteRun(dir, "bad.json", bad.ToJsonString());
        var result = await Run(dir);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(File.Exists(Path.Combine(result.Workspace, "slo", "slo-summary.json")), Is.True);
            Assert.That(result.Outputs["runs"], Is.EqualTo("1"));
            Assert.That(ReadJson(result, "slo/slo-summary.json").ToJsonString(), Does.Contain("bad.json"));
        });
    }

    [Test]
    public async Task Export_HugeSampleListsAndAbsurdLatencies_AreBoundedPerRunAndSaidSo()
    {
        using var dir = new TemporaryDirectory();
        var many = Enumerable.Range(0, 100_000).Select(i => (double)(i % 1000)).ToArray();
        WriteRun(dir, "many.json", SloExportHarness.Metrics(1, Now.AddHours(-2), latencies: many));
        WriteRun(dir, "absurd.json", SloExportHarness.Metrics(2, Now.AddHours(-1), latencies: [1.79e308, 250]));
        var result = await Run(dir);
        var summary = ReadJson(result, "slo/slo-summary.json").ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(summary, Does.Contain("reduced to 1,000"), "the cut is said");
            Assert.That(double.Parse(result.Outputs["booking-p95"], System.Globalization.CultureInfo.InvariantCulture), Is.InRange(900, 1000), "quantiles survive the reduction");
            Assert.That(File.ReadAllText(Path.Combine(result.Workspace, "slo", "slo-chart.svg")), Does.Not.Contain("Infinity"));
        });
    }

    [Test]
    public async Task Export_HostileTimestampAndFileName_StayInertInTheSummary()
    {
        using var dir = new TemporaryDirectory();
        WriteRun(dir, "ok.json", SloExportHarness.Metrics(1, Now.AddHours(-3)));
        var bad = (JsonObject)JsonNode.Parse(SloExportHarness.Metrics(2, Now.AddHours(-2)))!;
        bad["timestamp"] = "@bookiji/oncall [click](https://evil.example/x) #1";
        WriteRun(dir, "bad.json", bad.ToJsonString());
        var result = await Run(dir);
        Assert.Multiple(() =>
        {
            Assert.That(result.Summary, Does.Contain("[click]"), "the problem is still reported");
            Assert.That(Core.Markdown.LiveMarkdown.LiveFragments(result.Summary, "@bookiji", "](https://evil", "#1"), Is.Empty);
        });
    }
}
