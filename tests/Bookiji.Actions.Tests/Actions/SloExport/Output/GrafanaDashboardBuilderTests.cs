using Bookiji.Actions.SloExport.Metrics;
using Bookiji.Actions.SloExport.Output.Grafana;
using Bookiji.Actions.SloExport.Slo;

namespace Bookiji.Actions.Tests.Actions.SloExport.Output;

/// <summary>The dashboard's snapshot stays importable however long the window is.</summary>
[TestFixture]
public sealed class GrafanaDashboardBuilderTests
{
    [Test]
    public void Snapshot_EmbedsAtMostTheLastThousandRows_AndSaysSo()
    {
        var now = new DateTimeOffset(2025, 12, 7, 3, 0, 0, TimeSpan.Zero);
        var runs = Enumerable.Range(1, 1_500)
            .Select(i => new CiRun($"{i}.json", now.AddMinutes(-1_501 + i), "abc", i, 1, "ci", true, 1, 0, 0, 1, [300], null, null))
            .ToList();
        var result = SloCalculator.Compute(runs, new SloSettings { Window = 1_500 }, now, DataQualityReport.Build(0, 0, 0, []));
        var dashboard = GrafanaDashboardBuilder.Build(result.Summary, result.Rows, "bookiji", null);
        var data = dashboard.Panels[0].Targets[0].Data!;
        Assert.Multiple(() =>
        {
            Assert.That(data.Split("\"time\"").Length - 1, Is.EqualTo(GrafanaDashboardBuilder.MaxInlineRows));
            Assert.That(data, Does.Contain("\"runId\":501,").And.Not.Contain("\"runId\":500,"));
            Assert.That(dashboard.Description, Does.Contain("last 1,000 of 1500 runs"));
            Assert.That(dashboard.Time.From, Is.EqualTo(result.Rows[500].Time));
        });
    }
}
