namespace Bookiji.Actions.PredictTests.Durations;

/// <summary>The parts of a Playwright JSON report (<c>--reporter=json</c>) that carry durations and outcomes.</summary>
/// <param name="Config">The run's configuration (its rootDir prefixes suite files).</param>
/// <param name="Suites">One suite per test file, nested suites for describe blocks.</param>
public sealed record PlaywrightReport(PlaywrightReport.RunConfig? Config, IReadOnlyList<PlaywrightReport.Suite?>? Suites)
{
    /// <summary>The report's <c>config</c>.</summary>
    /// <param name="RootDir">The test directory.</param>
    public sealed record RunConfig(string? RootDir);

    /// <summary>A suite: a file or a describe block.</summary>
    /// <param name="File">The test file, relative to rootDir.</param>
    /// <param name="Specs">Its tests.</param>
    /// <param name="Suites">Nested describe blocks.</param>
    public sealed record Suite(string? File, IReadOnlyList<Spec?>? Specs, IReadOnlyList<Suite?>? Suites);

    /// <summary>One test declaration.</summary>
    /// <param name="Tests">Its runs per project.</param>
    public sealed record Spec(IReadOnlyList<Test?>? Tests);

    /// <summary>One test in one project.</summary>
    /// <param name="Results">Its attempts.</param>
    /// <param name="Status"><c>expected</c>, <c>unexpected</c>, <c>flaky</c> (failed, then passed on retry) or <c>skipped</c>.</param>
    public sealed record Test(IReadOnlyList<Result?>? Results, string? Status = null);

    /// <summary>One attempt.</summary>
    /// <param name="Duration">Milliseconds.</param>
    public sealed record Result(double? Duration);
}
