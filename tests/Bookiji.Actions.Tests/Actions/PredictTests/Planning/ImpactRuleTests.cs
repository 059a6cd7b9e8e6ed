using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Impact;
using Bookiji.Actions.PredictTests.Impact.Diff;
using Bookiji.Actions.PredictTests.Impact.Results;
using Bookiji.Actions.PredictTests.Planning;
using Bookiji.Actions.Tests.Actions.PredictTests.Impact;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Planning;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ImpactRuleTests
{
    // Every test imports lib.ts: by imports, any change to it selects all of them.
    private static readonly Dictionary<string, string> Files = new()
    {
        ["src/lib.ts"] = "export function f() {}\nexport function g() {}\n",
        ["src/a.test.ts"] = "import { f } from './lib';\n",
        ["src/b.test.ts"] = "import { g } from './lib';\n",
        ["src/c.test.ts"] = "import './lib';\n",
        ["src/d.test.ts"] = "import './lib';\n", // added after the analysis: no impact record
        ["src/solo.ts"] = "export const x = 1;\n",
        ["src/solo.test.ts"] = "import { x } from './solo';\n",
    };

    private static TestPlan Plan(ImpactData data, PlanRules rules, string path, params DiffHunk[] hunks) => TestPlanner.Plan(new PlanInput
    {
        Changes = new ChangeSet([new ChangedFile(path, ChangeKind.Modified)], "test", true, []),
        AllTests = Files.Keys.Where(f => f.EndsWith(".test.ts", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal),
        Graph = RepositoryScanner.BuildGraph(Files.Keys.ToHashSet(StringComparer.Ordinal), Files.GetValueOrDefault),
        Impact = new ImpactPlanInput(new ImpactIndex(data), new Dictionary<string, FileChange> { [path] = new(path, hunks, LineMap.Identity) }) { AgeCommits = 3 },
    }, rules);

    private static string[] Selected(TestPlan plan) => [.. plan.Tests.Select(t => t.Path).Order(StringComparer.Ordinal)];

    [Test]
    public void Plan_HubChangeWithImpactData_RunsTheExecutorsAndTheTestsWithoutARecord()
    {
        var plan = Plan(ImpactSamples.Library(), PlanRules.Defaults(), "src/lib.ts", new DiffHunk(9, 1, 9, 1));

        Assert.That(Selected(plan), Is.EqualTo(new[] { "src/b.test.ts", "src/d.test.ts" }), "a.test and c.test never ran line 9; d.test is new, so the graph keeps it");
        Assert.That(plan.Tests.Single(t => t.Path == "src/d.test.ts").Because, Does.StartWith("no impact record"));
        Assert.That(plan.Impact!.Files.Single().Evidence, Is.EqualTo(ImpactEvidence.Lines));
        Assert.That(plan.Impact.AgeCommits, Is.EqualTo(3));
    }

    [Test]
    public void Plan_DataSelectingMoreThanTheImportGraph_KeepsTheGraphsSelection()
    {
        // The data claims every test executed solo.ts; only solo.test imports it.
        var data = ImpactSamples.Library();
        var solo = new ImpactSourceFile("src/solo.ts", new string('d', 40), [], [new ImpactPattern([1, 1], [])]);
        var wide = data with
        {
            Files = [.. data.Files, solo],
            Tests = [.. data.Tests.Select(t => t with { Covers = [.. t.Covers, 1, 0] }), new ImpactTest("src/solo.test.ts", [1, 0], "p")],
        };

        var plan = Plan(wide, PlanRules.Defaults(), "src/solo.ts", new DiffHunk(1, 1, 1, 1));

        Assert.That(Selected(plan), Is.EqualTo(new[] { "src/solo.test.ts" }));
        Assert.That(plan.Impact!.Files.Single().Evidence, Is.EqualTo(ImpactEvidence.ImportGraphSmaller));
    }

    [Test]
    public void Plan_FlakyTestWithQuarantine_IsListedNotSkippedSilently()
    {
        var data = ImpactSamples.Library(new Dictionary<string, TestOutcome> { ["src/b.test.ts"] = TestOutcome.Flaky });

        var plain = Plan(data, PlanRules.Defaults(), "src/lib.ts", new DiffHunk(9, 1, 9, 1));
        var quarantined = Plan(data, PlanRules.Defaults() with { QuarantineFlaky = true }, "src/lib.ts", new DiffHunk(9, 1, 9, 1));

        Assert.That(plain.Impact!.Flaky.Select(f => f.Test), Is.EqualTo(new[] { "src/b.test.ts" }));
        Assert.That(Selected(plain), Does.Contain("src/b.test.ts"));
        Assert.That(plain.Quarantined, Is.Empty, "quarantine is opt-in");
        Assert.That(Selected(quarantined), Is.EqualTo(new[] { "src/d.test.ts" }));
        Assert.That(quarantined.Quarantined, Is.EqualTo(new[] { "src/b.test.ts" }));
        Assert.That(quarantined.Skipped, Does.Not.Contain("src/b.test.ts"), "a quarantined test still runs, without blocking");
    }

    [Test]
    public void Plan_DataNamingTestsTheRepositoryLacks_NeverRepeatsThem()
    {
        var data = ImpactSamples.Library();
        var hostile = data with { Tests = [.. data.Tests, new ImpactTest("$(touch pwned).test.ts", [], "kkkk"), new ImpactTest("../../etc/passwd", [], "ffff")] };

        var plan = Plan(hostile, PlanRules.Defaults() with { QuarantineFlaky = true }, "src/lib.ts", new DiffHunk(9, 1, 9, 1));

        Assert.That(plan.Impact!.Flaky, Is.Empty);
        Assert.That(plan.Impact.RecentFailures, Is.Empty);
        Assert.That(plan.Quarantined, Is.Empty);
        Assert.That(Selected(plan), Is.EqualTo(new[] { "src/b.test.ts", "src/d.test.ts" }));
    }

    [Test]
    public void Plan_FailureOlderThanTheWindow_NoLongerForcesTheTest()
    {
        var failedLongAgo = ImpactSamples.Library() with { Tests = [.. ImpactSamples.Library().Tests.Select(t => t.Path == "src/a.test.ts" ? t with { Outcomes = "fppppp" } : t)] };

        var plan = Plan(failedLongAgo, PlanRules.Defaults() with { FailureRuns = 5 }, "src/lib.ts", new DiffHunk(9, 1, 9, 1));
        var wider = Plan(failedLongAgo, PlanRules.Defaults() with { FailureRuns = 6 }, "src/lib.ts", new DiffHunk(9, 1, 9, 1));

        Assert.That(Selected(plan), Does.Not.Contain("src/a.test.ts"));
        Assert.That(Selected(wider), Does.Contain("src/a.test.ts"));
    }

    [Test]
    public void Plan_SafetyTriggerWithImpactData_StillRunsEverything()
    {
        var plan = TestPlanner.Plan(new PlanInput
        {
            Changes = new ChangeSet([new ChangedFile("package.json", ChangeKind.Modified), new ChangedFile("src/lib.ts", ChangeKind.Modified)], "test", true, []),
            AllTests = Files.Keys.Where(f => f.EndsWith(".test.ts", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal),
            Graph = RepositoryScanner.BuildGraph(Files.Keys.ToHashSet(StringComparer.Ordinal), Files.GetValueOrDefault),
            Impact = new ImpactPlanInput(new ImpactIndex(ImpactSamples.Library()), new Dictionary<string, FileChange>()),
        }, PlanRules.Defaults());

        Assert.That(plan.RunAll, Is.True);
        Assert.That(plan.Impact, Is.Not.Null, "the summary still names the data's commit");
    }
}
