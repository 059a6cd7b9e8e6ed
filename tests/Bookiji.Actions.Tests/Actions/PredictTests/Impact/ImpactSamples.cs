using Bookiji.Actions.PredictTests.Impact;
using Bookiji.Actions.PredictTests.Impact.Coverage;
using Bookiji.Actions.PredictTests.Impact.Results;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact;

/// <summary>Impact data built through the learner from hand-made executions.</summary>
internal static class ImpactSamples
{
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>src/lib.ts has f (lines 1–5) and g (7–12); a.test calls f, b.test calls g, c.test only loads the module.</summary>
    public static ImpactData Library(IReadOnlyDictionary<string, TestOutcome>? outcomes = null, ImpactData? previous = null)
    {
        int[] functions = [1, 5, 7, 12];
        return ImpactLearner.Learn(
            [
                new TestExecution("src/a.test.ts", new Dictionary<string, FileExecution> { ["src/lib.ts"] = new([1, 3, 7, 7], functions, [0]) }),
                new TestExecution("src/b.test.ts", new Dictionary<string, FileExecution> { ["src/lib.ts"] = new([1, 1, 7, 10], functions, [1]) }),
                new TestExecution("src/c.test.ts", new Dictionary<string, FileExecution> { ["src/lib.ts"] = new([1, 1, 7, 7], functions, []) }),
            ],
            new Dictionary<string, string> { ["src/lib.ts"] = new string('b', 40) },
            outcomes ?? new Dictionary<string, TestOutcome>(),
            previous,
            Commit,
            new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero),
            20,
            []);
    }
}
