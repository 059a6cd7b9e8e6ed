namespace Bookiji.Actions.PredictTests.Impact.Results;

/// <summary>The parts of a jest <c>--json</c> or vitest <c>--reporter=json</c> report that say how each test file ended.</summary>
/// <param name="TestResults">One entry per test file.</param>
public sealed record JestJsonReport(IReadOnlyList<JestJsonReport.FileResult?>? TestResults)
{
    /// <summary>One test file.</summary>
    /// <param name="Name">Its path (absolute).</param>
    /// <param name="Status"><c>passed</c> or <c>failed</c>.</param>
    /// <param name="AssertionResults">Its tests.</param>
    public sealed record FileResult(string? Name, string? Status, IReadOnlyList<Assertion?>? AssertionResults);

    /// <summary>One test.</summary>
    /// <param name="Status"><c>passed</c>, <c>failed</c>, <c>skipped</c>, <c>pending</c>, <c>todo</c>.</param>
    /// <param name="Invocations">Attempts (jest with retryTimes).</param>
    /// <param name="RetryReasons">Failure messages of the attempts before the last (jest 29).</param>
    public sealed record Assertion(string? Status, int? Invocations, IReadOnlyList<string?>? RetryReasons);
}
