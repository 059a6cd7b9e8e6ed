using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Actions.SloExport;

/// <summary>
/// Golden files, as sloth tests its rules: the bundled sample metrics plus one file of each bad kind, exported at a
/// fixed time, must give exactly the committed summary, timeseries, dashboard, rows, OpenSLO, chart and step summary.
/// To regenerate after an intended change, run
/// <c>UPDATE_GOLDEN=1 dotnet test tests/Bookiji.Actions.Tests -c Release --filter "FullyQualifiedName~SloExportGolden"</c>
/// and review the diff of tests/Bookiji.Actions.Tests/Actions/SloExport/Golden/ before committing it.
/// </summary>
[Category("Integration")]
[TestFixture]
public sealed class SloExportGoldenTests
{
    private static readonly string GoldenFolder = Path.Combine(RepositoryLayout.Root, "tests", "Bookiji.Actions.Tests", "Actions", "SloExport", "Golden");

    private static readonly Dictionary<string, string> Outputs = [];
    private static ActionRunResult? _result;

    [OneTimeSetUp]
    public async Task Export()
    {
        using var dir = new TemporaryDirectory();
        SloExportHarness.CopySamples(dir);
        SloExportHarness.WriteRun(dir, "bad/not-json.json", "{ this is not json");
        SloExportHarness.WriteRun(dir, "bad/wrong-types.json", """{"timestamp":"2025-12-06T00:00:00Z","commitSha":"abc","runId":"x1","passed":"yes","tests":{}}""");
        SloExportHarness.WriteRun(dir, "bad/missing.json", """{"timestamp":"2025-12-06T00:00:00Z"}""");
        SloExportHarness.WriteRun(dir, "bad/future.json", SloExportHarness.Metrics(99_001, SloExportHarness.Now.AddDays(2)));
        SloExportHarness.WriteRun(dir, "bad/negative.json", SloExportHarness.Metrics(99_002, SloExportHarness.Now.AddDays(-40), latencies: [-12, 350]));
        SloExportHarness.WriteRun(dir, "run-9129-1-copy.json", File.ReadAllText(Path.Combine(RepositoryLayout.Root, "samples", "ci-metrics", "run-9129-1.json")));
        _result = await SloExportHarness.Run(dir, with: new() { ["openslo"] = "true" });
        Directory.CreateDirectory(GoldenFolder);
        Outputs["step-summary.md"] = _result.Summary;
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(GoldenFolder, "step-summary.md"), _result.Summary);
        }

        foreach (var name in new[] { "slo-summary.json", "slo-timeseries.json", "grafana-dashboard.json", "slo-rows.json", "openslo.yaml", "slo-chart.svg" })
        {
            var actual = File.ReadAllText(Path.Combine(_result.Workspace, "slo", name));
            Outputs[name] = actual;
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(Path.Combine(GoldenFolder, name), actual);
            }
        }
    }

    [TestCase("slo-summary.json")]
    [TestCase("slo-timeseries.json")]
    [TestCase("grafana-dashboard.json")]
    [TestCase("slo-rows.json")]
    [TestCase("openslo.yaml")]
    [TestCase("slo-chart.svg")]
    [TestCase("step-summary.md")]
    public void Export_OfTheGoldenInput_EachOutputMatchesItsGoldenFile(string name)
    {
        var golden = Path.Combine(GoldenFolder, name);
        Assert.That(File.Exists(golden), Is.True, $"{golden} is missing: run with UPDATE_GOLDEN=1 once and review it.");
        Assert.That(Outputs[name], Is.EqualTo(File.ReadAllText(golden)), $"slo/{name} differs from Golden/{name}; if the change is intended, regenerate with UPDATE_GOLDEN=1 (see this file's summary).");
    }

    [Test]
    public void Export_OfTheGoldenInput_ExitsZero_AndNamesEveryBadFile()
    {
        var warnings = _result!.Annotations("warning").Select(w => w.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(_result.ExitCode, Is.Zero, _result.Log);
            Assert.That(warnings, Has.Some.Contains("bad/not-json.json"));
            Assert.That(warnings, Has.Some.Contains("bad/wrong-types.json"));
            Assert.That(warnings, Has.Some.Contains("bad/missing.json"));
            Assert.That(warnings, Has.Some.Contains("bad/future.json"));
            Assert.That(warnings, Has.Some.Contains("bad/negative.json"));
            Assert.That(warnings, Has.Some.Contains("run-9129-1"));
        });
    }
}
