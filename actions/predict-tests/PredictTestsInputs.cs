using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.PredictTests;

/// <summary>The action's inputs, validated together.</summary>
public sealed record PredictTestsInputs
{
    /// <summary><c>plan</c> or <c>evaluate</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>CI_PREDICTIVE_OFF / disabled.</summary>
    public bool Disabled { get; init; }

    /// <summary>The test map path, relative to the repository.</summary>
    public required string TestMapPath { get; init; }

    /// <summary>Where ci-plan.json goes (absolute).</summary>
    public required string PlanPath { get; init; }

    /// <summary>The repository's work tree (absolute).</summary>
    public required string RepositoryPath { get; init; }

    /// <summary>An explicit base revision for git diff.</summary>
    public string? BaseRef { get; init; }

    /// <summary>An explicit head revision for git diff.</summary>
    public string? HeadRef { get; init; }

    /// <summary>The GitHub token.</summary>
    public string? GitHubToken { get; init; }

    /// <summary>The planning rules.</summary>
    public required PlanRules Rules { get; init; }

    /// <summary>The durations report (absolute), if any.</summary>
    public string? DurationsPath { get; init; }

    /// <summary>The TEST_GLOB for a run-all plan.</summary>
    public required string AllTestsGlob { get; init; }

    /// <summary>The OpenAI-compatible key; refinement is off without it.</summary>
    public string? OpenAiKey { get; init; }

    /// <summary>The model.</summary>
    public required string OpenAiModel { get; init; }

    /// <summary>The base URL of an OpenAI-compatible server.</summary>
    public Uri? OpenAiBaseUrl { get; init; }

    /// <summary>The model call's time limit.</summary>
    public TimeSpan OpenAiTimeout { get; init; }

    /// <summary>The model's output token budget.</summary>
    public int OpenAiMaxTokens { get; init; }

    /// <summary>How many commits evaluate mode replays.</summary>
    public int EvaluateCommits { get; init; }

    /// <summary>Evaluate mode's report path without extension (absolute).</summary>
    public required string EvaluateOutput { get; init; }

    /// <summary>Reads and validates every input at once.</summary>
    public static PredictTestsInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var reader = new InputReader(runtime.Core);
        var mode = reader.Choice("mode", "plan", ["plan", "evaluate"]);
        var disabled = reader.Boolean("disabled", false, "CI_PREDICTIVE_OFF");
        var repository = runtime.ResolvePath(reader.String("working-directory", defaultValue: ".")!);
        var testMap = reader.String("test-map", defaultValue: "tests/config/test-map.json")!.Replace('\\', '/');
        GlobSet Globs(string input, string[] defaults) => reader.Lines(input) is { Count: > 0 } lines ? new GlobSet(lines) : new GlobSet(defaults);
        var rules = new PlanRules
        {
            TestFiles = Globs("test-patterns", PlanRules.DefaultTestPatterns),
            LowRisk = Globs("low-risk-patterns", PlanRules.DefaultLowRiskPatterns),
            HighRisk = Globs("high-risk-patterns", PlanRules.DefaultHighRiskPatterns),
            AlwaysRunAll = Globs("always-run-all", PlanRules.DefaultAlwaysRunAll),
            Ignore = Globs("ignore", []),
            TestMapPath = testMap.StartsWith("./", StringComparison.Ordinal) ? testMap[2..] : testMap,
            MaxShards = reader.Integer("max-shards", 4, 1, 16),
            HighRiskRunsAll = reader.Boolean("high-risk-run-all", true),
        };
        var durations = reader.String("durations");
        var baseUrl = reader.HttpUrl("openai-base-url", envFallback: "OPENAI_BASE_URL");
        var inputs = new PredictTestsInputs
        {
            Mode = mode,
            Disabled = disabled,
            TestMapPath = rules.TestMapPath,
            PlanPath = runtime.ResolvePath(reader.String("plan-file", defaultValue: "ci-plan.json")!),
            RepositoryPath = repository,
            BaseRef = reader.String("base-ref"),
            HeadRef = reader.String("head-ref"),
            GitHubToken = reader.Secret("github-token", envFallback: "GITHUB_TOKEN"),
            Rules = rules,
            DurationsPath = durations is null ? null : Path.GetFullPath(Path.Combine(repository, durations)),
            AllTestsGlob = reader.String("all-tests-glob", defaultValue: "**/*.{spec,test}.{ts,tsx,js,jsx}")!,
            OpenAiKey = reader.Secret("openai-api-key", envFallback: "OPENAI_API_KEY"),
            OpenAiModel = reader.String("openai-model", envFallback: "OPENAI_MODEL", defaultValue: "gpt-4o-mini")!,
            OpenAiBaseUrl = baseUrl,
            OpenAiTimeout = reader.Duration("openai-timeout", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)),
            OpenAiMaxTokens = reader.Integer("openai-max-tokens", 800, 50, 8000),
            EvaluateCommits = reader.Integer("evaluate-commits", 200, 1, 5000),
            EvaluateOutput = runtime.ResolvePath(reader.String("evaluate-output", defaultValue: "predict-tests-evaluation")!),
        };
        if (!Directory.Exists(repository))
        {
            reader.AddError("working-directory", $"Input 'working-directory' must name a folder in the workspace; '{repository}' does not exist.");
        }

        reader.ThrowIfInvalid();
        return inputs;
    }
}
