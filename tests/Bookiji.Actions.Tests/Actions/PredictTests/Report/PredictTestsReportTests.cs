using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Planning;
using Bookiji.Actions.PredictTests.Report;
using Bookiji.Actions.Tests.Core.Markdown;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Report;

[TestFixture]
public sealed class PredictTestsReportTests
{
    [Test]
    public void PrSection_ChangedFileNamedWithMarkdown_IsQuotedInertly()
    {
        // A pull request names its own files, and the risk reason and run-all reason quote them: a mention, a
        // reference and a link in a path must stay text.
        const string hostile = "src/@bookiji/oncall see #1 [runbook](https://evil.example)/payments.ts";
        const string test = "tests/e2e/booking.spec.ts";
        HashSet<string> files = [hostile, test];
        var changes = new ChangeSet([new ChangedFile(hostile, ChangeKind.Modified)], "test", true, []);
        var plan = TestPlanner.Plan(new PlanInput
        {
            Changes = changes,
            Map = TestMap.Parse("{}", "map").Map!,
            AllTests = new HashSet<string> { test },
            Graph = ImportGraph.Build(new Dictionary<string, IReadOnlyList<string>>(), new ModuleResolver(files)),
        }, PlanRules.Defaults());
        var section = PredictTestsReport.PrSection(new PlanReport(plan, changes, "tests/**/*.spec.ts", null));
        Assert.Multiple(() =>
        {
            Assert.That(section, Does.Contain("@bookiji/oncall"));
            Assert.That(LiveMarkdown.LiveFragments(section, "@bookiji", "#1", "]("), Is.Empty, section);
        });
    }
}
