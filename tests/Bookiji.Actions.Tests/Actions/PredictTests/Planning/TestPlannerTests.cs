using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Planning;

[TestFixture]
public sealed class TestPlannerTests
{
    private static readonly HashSet<string> Files =
    [
        "src/booking/create.ts", "src/lib/date.ts", "src/payments/charge.ts", "src/orphan.ts", "docs/guide.md", "README.md",
        "tests/e2e/booking-flow.spec.ts", "tests/e2e/payment-errors.spec.ts", "tests/e2e/auth.spec.ts", "tests/unit/date.spec.ts",
    ];

    private static readonly HashSet<string> AllTests = [.. Files.Where(f => f.EndsWith(".spec.ts", StringComparison.Ordinal))];

    private static readonly TestMap Map = TestMap.Parse("""
        { "auth": ["tests/e2e/auth.spec.ts"],
          "booking": ["tests/e2e/booking-flow.spec.ts", "tests/e2e/ghost.spec.ts"],
          "payments": ["tests/e2e/payment-errors.spec.ts"] }
        """, "map").Map!;

    private static readonly ImportGraph Graph = ImportGraph.Build(new Dictionary<string, IReadOnlyList<string>>
    {
        ["src/booking/create.ts"] = ["../lib/date"],
        ["tests/unit/date.spec.ts"] = ["../../src/lib/date"],
        ["tests/e2e/booking-flow.spec.ts"] = ["../../src/booking/create"],
    }, new ModuleResolver(Files));

    private static TestPlan Plan(params ChangedFile[] files) => TestPlanner.Plan(new PlanInput
    {
        Changes = new ChangeSet(files, "test", true, []),
        Map = Map,
        AllTests = AllTests,
        Graph = Graph,
    }, PlanRules.Defaults());

    private static ChangedFile M(string path) => new(path, ChangeKind.Modified);

    [Test]
    public void Defaults_VitestTypeTestsAndCommonJsTests_AreTests_NotUncoveredSource()
    {
        // A changed `*.test-d.ts` used to count as source no test covers, which ran everything (TanStack/query).
        var tests = PlanRules.Defaults().TestFiles;
        Assert.Multiple(() =>
        {
            foreach (var path in new[] { "src/__tests__/useQuery.test-d.tsx", "types/a.spec-d.ts", "src/a.test.cts", "lib/b.spec.cjs" })
            {
                Assert.That(tests.IsMatch(path), Is.True, path);
            }

            Assert.That(tests.IsMatch("src/test-data.ts"), Is.False);
        });
    }

    [Test]
    public void Plan_DocsOnlyChange_IsLowRiskOneShard()
    {
        var plan = Plan(M("docs/guide.md"), M("README.md"));
        Assert.Multiple(() =>
        {
            Assert.That(plan.Risk, Is.EqualTo(Risk.Low));
            Assert.That(plan.RunAll, Is.False);
            Assert.That(plan.Tests, Is.Empty);
            Assert.That(plan.ShardCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void Plan_RegularCode_IsMediumTwoShards_WithMapAndImportReasons()
    {
        var plan = Plan(M("src/lib/date.ts"));
        Assert.Multiple(() =>
        {
            Assert.That(plan.Risk, Is.EqualTo(Risk.Medium));
            Assert.That(plan.ShardCount, Is.EqualTo(2));
            Assert.That(plan.Tests.Select(t => t.Path), Is.EqualTo(new[] { "tests/e2e/booking-flow.spec.ts", "tests/unit/date.spec.ts" }));
            Assert.That(plan.Tests[0].Because, Is.EqualTo("imports src/booking/create.ts → src/lib/date.ts"));
        });
    }

    [Test]
    public void Plan_FeatureSegment_SelectsTheMapsTests_AndWarnsAboutMissingOnes()
    {
        var plan = Plan(M("src/booking/create.ts"));
        Assert.Multiple(() =>
        {
            Assert.That(plan.Tests.Select(t => t.Path), Is.EqualTo(new[] { "tests/e2e/booking-flow.spec.ts" }));
            Assert.That(plan.Warnings, Has.Some.Contains("tests/e2e/ghost.spec.ts, which does not exist"));
        });
    }

    [Test]
    public void Plan_Payments_IsHighRisk_AndRunsEverythingOnFourShards()
    {
        var plan = Plan(M("src/payments/charge.ts"));
        Assert.Multiple(() =>
        {
            Assert.That(plan.Risk, Is.EqualTo(Risk.High));
            Assert.That(plan.RunAll, Is.True);
            Assert.That(plan.Tests, Has.Count.EqualTo(AllTests.Count));
            Assert.That(plan.ShardCount, Is.EqualTo(4));
        });
    }

    [Test]
    public void Plan_HighRiskWithoutRunAll_SelectsByRulesOnFourShards()
    {
        var plan = TestPlanner.Plan(new PlanInput { Changes = new ChangeSet([M("src/payments/charge.ts")], "t", true, []), Map = Map, AllTests = AllTests, Graph = Graph },
            PlanRules.Defaults() with { HighRiskRunsAll = false });
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.False);
            Assert.That(plan.Tests.Select(t => t.Path), Is.EqualTo(new[] { "tests/e2e/payment-errors.spec.ts" }));
            Assert.That(plan.ShardCount, Is.EqualTo(1), "never more shards than tests");
        });
    }

    [TestCase("package-lock.json")]
    [TestCase("package.json")]
    [TestCase(".github/workflows/ci.yml")]
    [TestCase("tests/config/test-map.json")]
    [TestCase("playwright.config.ts")]
    [TestCase("tsconfig.json")]
    public void Plan_SafetyTrigger_RunsEverythingWithItsReason(string path)
    {
        var plan = Plan(M("src/lib/date.ts"), M(path));
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.True);
            Assert.That(plan.RunAllReasons.Single(), Does.StartWith(path + ":"));
        });
    }

    [Test]
    public void Plan_UncoveredSource_RunsEverything_NeverASilentMiss()
    {
        var plan = Plan(M("src/orphan.ts"));
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.True);
            Assert.That(plan.RunAllReasons.Single(), Does.Contain("src/orphan.ts: no test-map feature or importing test covers it"));
        });
    }

    [Test]
    public void Plan_Rename_CountsTheOldPathToo()
    {
        // The new path is covered by nothing, but the old one was imported by a test: that test must run.
        var plan = Plan(new ChangedFile("src/lib/date-utils.ts", ChangeKind.Renamed, "src/lib/date.ts"));
        Assert.That(plan.Tests.Select(t => t.Path), Does.Contain("tests/unit/date.spec.ts"));
    }

    [Test]
    public void Plan_ChangedTestFile_IsAlwaysSelected_RemovedOneIsNot()
    {
        var plan = Plan(M("tests/e2e/auth.spec.ts"), new ChangedFile("tests/e2e/old.spec.ts", ChangeKind.Removed));
        Assert.That(plan.Tests.Select(t => (t.Path, t.Because)), Is.EqualTo(new[] { ("tests/e2e/auth.spec.ts", "changed test file") }));
    }

    [Test]
    public void Plan_IgnoredChanges_AreLeftOut()
    {
        var plan = TestPlanner.Plan(new PlanInput { Changes = new ChangeSet([M("src/orphan.ts"), M("src/lib/date.ts")], "t", true, []), Map = Map, AllTests = AllTests, Graph = Graph },
            PlanRules.Defaults() with { Ignore = new GlobSet(["src/orphan.ts"]) });
        Assert.That(plan.RunAll, Is.False);
    }

    [Test]
    public void Plan_Disabled_IncompleteOrEmpty_OrUnusableMap_RunsEverything()
    {
        var rules = PlanRules.Defaults();
        TestPlan P(ChangeSet changes, TestMap? map = null, bool disabled = false, string[]? mapProblems = null) =>
            TestPlanner.Plan(new PlanInput { Changes = changes, Map = map, MapProblems = mapProblems ?? [], AllTests = AllTests, Graph = Graph, Disabled = disabled }, rules);
        var full = new ChangeSet([M("src/lib/date.ts")], "t", true, []);
        Assert.Multiple(() =>
        {
            Assert.That(P(full, Map, disabled: true).RunAllReasons.Single(), Does.Contain("CI_PREDICTIVE_OFF"));
            Assert.That(P(full with { Complete = false }, Map).RunAll, Is.True);
            Assert.That(P(new ChangeSet([], "t", true, []), Map).RunAllReasons.Single(), Does.Contain("No changed files"));
            Assert.That(P(full, mapProblems: ["map.json: not JSON; running all tests."]).RunAllReasons.Single(), Does.Contain("not JSON"));
        });
    }

    [Test]
    public void Plan_WithoutAMap_TheImportGraphPlansAlone()
    {
        var plan = TestPlanner.Plan(new PlanInput { Changes = new ChangeSet([M("src/lib/date.ts")], "t", true, []), AllTests = AllTests, Graph = Graph }, PlanRules.Defaults());
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.False);
            Assert.That(plan.Tests.Select(t => t.Path), Is.EqualTo(new[] { "tests/e2e/booking-flow.spec.ts", "tests/unit/date.spec.ts" }));
        });
    }

    [Test]
    public void Extend_AddsButNeverDrops_AndOnlyRaisesRisk()
    {
        var input = new PlanInput { Changes = new ChangeSet([M("src/lib/date.ts")], "t", true, []), Map = Map, AllTests = AllTests, Graph = Graph };
        var plan = TestPlanner.Plan(input, PlanRules.Defaults());
        var lowered = TestPlanner.Extend(plan, input, PlanRules.Defaults(), [new SelectedTest("tests/e2e/auth.spec.ts", "llm")], Risk.Low, "llm says low");
        var raised = TestPlanner.Extend(plan, input, PlanRules.Defaults(), [], Risk.High, "llm says high");
        Assert.Multiple(() =>
        {
            Assert.That(lowered.Tests.Select(t => t.Path), Is.SupersetOf(plan.Tests.Select(t => t.Path)).And.Contains("tests/e2e/auth.spec.ts"));
            Assert.That(lowered.Risk, Is.EqualTo(Risk.Medium));
            Assert.That(raised.Risk, Is.EqualTo(Risk.High));
            Assert.That(raised.ShardCount, Is.EqualTo(2), "4 for high, capped by the two tests");
        });
    }
}
