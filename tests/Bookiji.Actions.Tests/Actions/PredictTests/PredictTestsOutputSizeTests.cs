using System.Text.Json.Nodes;
using Bookiji.Actions.StandIns;
using static Bookiji.Actions.Tests.Actions.PredictTests.PredictTestsHarness;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>GitHub caps a job's outputs at 1 MB in all: every plan keeps its outputs small by construction.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PredictTestsOutputSizeTests
{
    private const int GitHubJobOutputLimit = 1024 * 1024;

    [Test]
    public async Task RunAll_FiftyThousandTests_OutputsStayUnderOneMegabyte_AndThePlanFileListsThemAll()
    {
        using var dir = new TemporaryDirectory();
        var workspace = Directory.CreateDirectory(dir.Combine("repo")).FullName;
        for (var i = 0; i < 50_000; i++)
        {
            var folder = Path.Combine(workspace, "tests", $"area-{i / 1000:000}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"feature-number-{i:00000}.spec.ts"), string.Empty);
        }

        var result = await RunAsync(dir, workspace, with: new() { ["disabled"] = "true" });
        var total = result.Outputs.Sum(o => o.Key.Length + o.Value.Length);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["run-all"], Is.EqualTo("true"));
            Assert.That(total, Is.LessThan(GitHubJobOutputLimit), "all outputs together");
            Assert.That(result.Outputs["tests"], Is.EqualTo("[]"), "too long: ci-plan.json has the list");
            Assert.That(Plan(workspace)["tests"]!.AsArray(), Has.Count.EqualTo(50_000));
            Assert.That(JsonNode.Parse(result.Outputs["shard-matrix"])!["include"]!.AsArray().Select(e => e!["tests"]!.AsArray().Count), Has.All.Zero);
        });
    }

    [Test]
    public void Selection_LongerThanTheOutputBound_RunsEverythingInstead()
    {
        var tests = Enumerable.Range(0, 10_000).Select(i => $"packages/some-package/tests/feature-{i:00000}.spec.ts").ToHashSet(StringComparer.Ordinal);
        var input = new Bookiji.Actions.PredictTests.Planning.PlanInput
        {
            Changes = new Bookiji.Actions.PredictTests.Changes.ChangeSet([.. tests.Select(t => new Bookiji.Actions.PredictTests.Changes.ChangedFile(t, Bookiji.Actions.PredictTests.Changes.ChangeKind.Modified))], "test", true, []),
            AllTests = tests,
        };
        var plan = Bookiji.Actions.PredictTests.Planning.TestPlanner.Plan(input, Bookiji.Actions.PredictTests.Planning.PlanRules.Defaults());
        Assert.Multiple(() =>
        {
            Assert.That(plan.RunAll, Is.True);
            Assert.That(plan.RunAllReasons.Single(), Does.Contain("1 MB"));
        });
    }
}
