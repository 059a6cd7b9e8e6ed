using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.PredictTests;

/// <summary>The one declaration of predict-tests's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class PredictTestsDefinition
{
    /// <summary>Input <c>mode</c>.</summary>
    public static readonly TextInput Mode = new("mode", "plan (default) or evaluate (replay the last commits and report recall and selection ratio).") { Default = "plan" };

    /// <summary>Input <c>disabled</c>.</summary>
    public static readonly TextInput Disabled = new("disabled", "Run every test (falls back to CI_PREDICTIVE_OFF).");

    /// <summary>Input <c>working-directory</c>.</summary>
    public static readonly TextInput WorkingDirectory = new("working-directory", "The repository's folder, relative to the workspace.") { Default = "." };

    /// <summary>Input <c>test-map</c>.</summary>
    public static readonly TextInput TestMap = new("test-map", "Feature → test files map (brief's format, or { paths, tests } per feature), relative to the repository.") { Default = "tests/config/test-map.json" };

    /// <summary>Input <c>plan-file</c>.</summary>
    public static readonly TextInput PlanFile = new("plan-file", "Where ci-plan.json is written, relative to the workspace.") { Default = "ci-plan.json" };

    /// <summary>Input <c>base-ref</c>.</summary>
    public static readonly TextInput BaseRef = new("base-ref", "Base revision for git diff (default - the PR base, the push's before, or HEAD~1).");

    /// <summary>Input <c>head-ref</c>.</summary>
    public static readonly TextInput HeadRef = new("head-ref", "Head revision for git diff (default HEAD).");

    /// <summary>Input <c>github-token</c>.</summary>
    public static readonly TextInput GithubToken = new("github-token", "Token for listing the pull request's files.") { Default = "${{ github.token }}" };

    /// <summary>Input <c>test-patterns</c>.</summary>
    public static readonly TextInput TestPatterns = new("test-patterns", "Globs (one per line) recognising test files; replaces the defaults (*.spec.* and *.test.* for TS/JS).");

    /// <summary>Input <c>low-risk-patterns</c>.</summary>
    public static readonly TextInput LowRiskPatterns = new("low-risk-patterns", "Globs of docs/config files; a change touching only these is low risk. Replaces the defaults.");

    /// <summary>Input <c>high-risk-patterns</c>.</summary>
    public static readonly TextInput HighRiskPatterns = new("high-risk-patterns", "Globs of core logic, payments, auth, migrations; replaces the defaults.");

    /// <summary>Input <c>always-run-all</c>.</summary>
    public static readonly TextInput AlwaysRunAll = new("always-run-all", "Globs whose change runs every test (lockfiles, manifests, CI and build config by default); replaces the defaults.");

    /// <summary>Input <c>ignore</c>.</summary>
    public static readonly TextInput Ignore = new("ignore", "Globs of changes to ignore entirely.");

    /// <summary>Input <c>durations</c>.</summary>
    public static readonly TextInput Durations = new("durations", "Historical durations (Playwright JSON or JUnit XML report) for duration-balanced shards.");

    /// <summary>Input <c>max-shards</c>.</summary>
    public static readonly TextInput MaxShards = new("max-shards", "The most shards a plan uses (1-16).") { Default = "4" };

    /// <summary>Input <c>high-risk-run-all</c>.</summary>
    public static readonly TextInput HighRiskRunAll = new("high-risk-run-all", "A high-risk change runs every test (\"comprehensive\").") { Default = "true" };

    /// <summary>Input <c>all-tests-glob</c>.</summary>
    public static readonly TextInput AllTestsGlob = new("all-tests-glob", "The test-glob output when every test runs.") { Default = "**/*.{spec,test}.{ts,tsx,js,jsx}" };

    /// <summary>Input <c>openai-api-key</c>.</summary>
    public static readonly TextInput OpenaiApiKey = new("openai-api-key", "Enables model refinement (falls back to OPENAI_API_KEY). Secret.");

    /// <summary>Input <c>openai-model</c>.</summary>
    public static readonly TextInput OpenaiModel = new("openai-model", "The model (falls back to OPENAI_MODEL; default gpt-4o-mini).");

    /// <summary>Input <c>openai-base-url</c>.</summary>
    public static readonly TextInput OpenaiBaseUrl = new("openai-base-url", "An OpenAI-compatible server's base URL (falls back to OPENAI_BASE_URL).");

    /// <summary>Input <c>openai-timeout</c>.</summary>
    public static readonly TextInput OpenaiTimeout = new("openai-timeout", "Time limit for the model call.") { Default = "20s" };

    /// <summary>Input <c>openai-max-tokens</c>.</summary>
    public static readonly TextInput OpenaiMaxTokens = new("openai-max-tokens", "Output token budget for the model call.") { Default = "800" };

    /// <summary>Input <c>evaluate-commits</c>.</summary>
    public static readonly TextInput EvaluateCommits = new("evaluate-commits", "How many recent commits evaluate mode replays.") { Default = "200" };

    /// <summary>Input <c>evaluate-output</c>.</summary>
    public static readonly TextInput EvaluateOutput = new("evaluate-output", "Evaluate mode's report path without extension (.json and .md are written).") { Default = "predict-tests-evaluation" };

    /// <summary>Output <c>risk</c>.</summary>
    public static readonly OutputDefinition RiskOutput = new("risk", "low, medium or high.");

    /// <summary>Output <c>tests</c>.</summary>
    public static readonly OutputDefinition TestsOutput = new("tests", "JSON array of the test files to run.");

    /// <summary>Output <c>test-glob</c>.</summary>
    public static readonly OutputDefinition TestGlobOutput = new("test-glob", "The brief's TEST_GLOB - a brace list of the tests, one path, the all-tests glob, or empty.");

    /// <summary>Output <c>shard-count</c>.</summary>
    public static readonly OutputDefinition ShardCountOutput = new("shard-count", "The number of shards.");

    /// <summary>Output <c>run-all</c>.</summary>
    public static readonly OutputDefinition RunAllOutput = new("run-all", "true when every test runs.");

    /// <summary>Output <c>shard-matrix</c>.</summary>
    public static readonly OutputDefinition ShardMatrixOutput = new("shard-matrix", "JSON for strategy.matrix - {\"include\":[{\"shard\":1,\"shards\":2,\"tests\":[...]}]}.");

    /// <summary>Output <c>plan-path</c>.</summary>
    public static readonly OutputDefinition PlanPathOutput = new("plan-path", "Path of ci-plan.json, relative to the workspace.");

    /// <summary>Output <c>change-recall</c>.</summary>
    public static readonly OutputDefinition ChangeRecallOutput = new("change-recall", "Evaluate mode - share of commits whose co-changed tests were selected.");

    /// <summary>Output <c>selection-ratio</c>.</summary>
    public static readonly OutputDefinition SelectionRatioOutput = new("selection-ratio", "Evaluate mode - mean share of tests selected.");

    /// <summary>Output <c>fallback-rate</c>.</summary>
    public static readonly OutputDefinition FallbackRateOutput = new("fallback-rate", "Evaluate mode - share of commits that ran everything.");

    /// <summary>Output <c>evaluation-path</c>.</summary>
    public static readonly OutputDefinition EvaluationPathOutput = new("evaluation-path", "Evaluate mode - path of the JSON report.");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "predict-tests",
        BriefSection = "§1",
        Description = "Choose the tests and shard count for a change (import graph, test map, safety rules, optional LLM); write ci-plan.json.",
        Icon = "filter",
        Color = "green",
        Inputs = [Mode, Disabled, WorkingDirectory, TestMap, PlanFile, BaseRef, HeadRef, GithubToken, TestPatterns, LowRiskPatterns, HighRiskPatterns, AlwaysRunAll, Ignore, Durations, MaxShards, HighRiskRunAll, AllTestsGlob, OpenaiApiKey, OpenaiModel, OpenaiBaseUrl, OpenaiTimeout, OpenaiMaxTokens, EvaluateCommits, EvaluateOutput],
        Outputs = [RiskOutput, TestsOutput, TestGlobOutput, ShardCountOutput, RunAllOutput, ShardMatrixOutput, PlanPathOutput, ChangeRecallOutput, SelectionRatioOutput, FallbackRateOutput, EvaluationPathOutput],
    };
}
