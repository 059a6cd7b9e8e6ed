using System.Text.Json;
using Bookiji.Actions.PredictTests.Impact;
using Bookiji.Actions.PredictTests.Impact.Coverage;
using Bookiji.Actions.PredictTests.Impact.Results;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ImpactLearnerTests
{
    [Test]
    public void Learn_IdenticalExecutions_AreStoredAsOnePattern()
    {
        var execution = new FileExecution([1, 2], [1, 2], [0]);
        var data = ImpactLearner.Learn(
            [.. Enumerable.Range(0, 50).Select(i => new TestExecution($"t{i:00}.test.ts", new Dictionary<string, FileExecution> { ["src/hub.ts"] = execution }))],
            new Dictionary<string, string> { ["src/hub.ts"] = new string('c', 40) }, new Dictionary<string, TestOutcome>(), null, ImpactSamples.Commit, DateTimeOffset.UnixEpoch, 20, []);

        Assert.That(data.Files.Single().Patterns, Has.Count.EqualTo(1));
        Assert.That(data.Tests.Select(t => t.Covers), Is.All.EqualTo(new[] { 0, 0 }));
    }

    [Test]
    public void Learn_SameInputsInAnyOrder_WriteTheSameBytes()
    {
        var a = new TestExecution("b.test.ts", new Dictionary<string, FileExecution> { ["src/y.ts"] = new([3, 4], [], []), ["src/x.ts"] = new([1, 1], [1, 9], [0]) });
        var b = new TestExecution("a.test.ts", new Dictionary<string, FileExecution> { ["src/x.ts"] = new([2, 2], [1, 9, 2, 3], [1]) });
        var blobs = new Dictionary<string, string> { ["src/x.ts"] = new string('1', 40), ["src/y.ts"] = new string('2', 40) };
        string Json(IReadOnlyList<TestExecution> executions) => JsonSerializer.Serialize(
            ImpactLearner.Learn(executions, blobs, new Dictionary<string, TestOutcome>(), null, ImpactSamples.Commit, DateTimeOffset.UnixEpoch, 20, []),
            Bookiji.Actions.PredictTests.Impact.ImpactJsonContext.Default.ImpactData);

        Assert.That(Json([a, b]), Is.EqualTo(Json([b, a])));
        var data = ImpactLearner.Learn([a, b], blobs, new Dictionary<string, TestOutcome>(), null, ImpactSamples.Commit, DateTimeOffset.UnixEpoch, 20, []);
        Assert.That(data.Files[0].Functions, Is.EqualTo(new[] { 1, 9, 2, 3 }), "the union of both reports' functions, by start");
        Assert.That(data.Files[0].Patterns.Select(p => p.Functions), Is.EqualTo(new[] { new[] { 1 }, new[] { 0 } }), "a.test called 2–3 (index 1), b.test called 1–9 (index 0)");
    }

    [Test]
    public void Learn_OutcomesAcrossRuns_KeepTheWindowNewestLast()
    {
        var first = ImpactSamples.Library(new Dictionary<string, TestOutcome> { ["src/a.test.ts"] = TestOutcome.Failed });
        var second = ImpactSamples.Library(new Dictionary<string, TestOutcome> { ["src/a.test.ts"] = TestOutcome.Flaky, ["src/b.test.ts"] = TestOutcome.Passed }, first);

        Assert.That(second.Tests.Select(t => (t.Path, t.Outcomes)), Is.EqualTo(new[] { ("src/a.test.ts", "fk"), ("src/b.test.ts", "-p"), ("src/c.test.ts", "--") }));
    }

    [Test]
    public void Learn_FileWithoutABlob_IsLeftOutAndSaid()
    {
        var data = ImpactLearner.Learn(
            [new TestExecution("a.test.ts", new Dictionary<string, FileExecution> { ["src/x.ts"] = new([1, 1], [], []) })],
            new Dictionary<string, string>(), new Dictionary<string, TestOutcome>(), null, ImpactSamples.Commit, DateTimeOffset.UnixEpoch, 20, []);

        Assert.That(data.Files, Is.Empty);
        Assert.That(data.Notes, Has.Some.Contain("could not be hashed"));
    }
}
