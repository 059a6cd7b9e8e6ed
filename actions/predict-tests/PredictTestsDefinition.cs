using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.PredictTests;

/// <summary>The one declaration of predict-tests's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class PredictTestsDefinition
{
    /// <summary>Plan a change, or evaluate the selection on recent history.</summary>
    public static readonly ChoiceInput<PredictTestsMode> Mode = new(
        "mode", "plan writes ci-plan.json; evaluate replays the last commits and reports recall and selection ratio; learn turns per-test coverage into impact data.",
        PredictTestsMode.Plan, ("plan", PredictTestsMode.Plan), ("evaluate", PredictTestsMode.Evaluate), ("learn", PredictTestsMode.Learn));

    /// <summary>The brief's kill switch.</summary>
    public static readonly FlagInput Disabled = new("disabled", "Turn predictive selection off: every test runs.", false) { Env = "CI_PREDICTIVE_OFF" };

    /// <summary>The repository's folder.</summary>
    public static readonly PathInput WorkingDirectory = new("working-directory", "The repository's folder (git work tree), relative to the workspace.")
    {
        Default = ".",
        Folder = true,
        MustExist = true,
    };

    /// <summary>The feature → tests map, inside the repository.</summary>
    public static readonly TextInput TestMap = new("test-map", "Feature → test files map (the brief's format, or { paths, tests } per feature).")
    {
        Default = "tests/config/test-map.json",
        Format = "a file path relative to working-directory, inside it",
    };

    /// <summary>Where the plan goes.</summary>
    public static readonly PathInput PlanFile = new("plan-file", "Where ci-plan.json is written.") { Default = "ci-plan.json" };

    /// <summary>The diff's base.</summary>
    public static readonly TextInput BaseRef = new("base-ref", "Base revision for git diff.")
    {
        ComputedDefault = "the PR base, the push's before, or HEAD~1",
        Format = "a git revision (not starting with -)",
    };

    /// <summary>The diff's head.</summary>
    public static readonly TextInput HeadRef = new("head-ref", "Head revision for git diff.")
    {
        ComputedDefault = "HEAD",
        Format = "a git revision (not starting with -)",
    };

    /// <summary>Lists the PR's files.</summary>
    public static readonly TextInput GithubToken = CommonInputs.GitHubToken("Token for listing the pull request's files (git diff is used without it).");

    /// <summary>Bounds the pull-request API phase.</summary>
    public static readonly DurationInput GithubTimeout = new("github-timeout", "Time limit for listing the PR's files through the GitHub API, retries included; git diff is used after it.", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    /// <summary>Recognises test files.</summary>
    public static readonly ListInput TestPatterns = new("test-patterns", "Globs recognising test files; replaces the defaults. Braces ({spec,test}) are expanded.")
    {
        Defaults = PlanRules.DefaultTestPatterns,
        DefaultSummary = "*.spec.* and *.test.* for ts, tsx, js, jsx, mjs, mts, cjs, cts; vitest type tests *.test-d.ts(x), *.spec-d.ts(x)",
        Format = "globs, one per line",
    };

    /// <summary>Docs/config globs.</summary>
    public static readonly ListInput LowRiskPatterns = new("low-risk-patterns", "Globs of docs/config files; a change touching only these is low risk. Replaces the defaults.")
    {
        Defaults = PlanRules.DefaultLowRiskPatterns,
        DefaultSummary = "Markdown, text, docs/**, licences, editor and git config, images",
        Format = "globs, one per line",
    };

    /// <summary>High-risk globs.</summary>
    public static readonly ListInput HighRiskPatterns = new("high-risk-patterns", "Globs of core logic, payments, auth, migrations; replaces the defaults.")
    {
        Defaults = PlanRules.DefaultHighRiskPatterns,
        DefaultSummary = "payment(s), auth, migrations, *.sql, src/core, lib/core, supabase, prisma",
        Format = "globs, one per line",
    };

    /// <summary>Safety triggers.</summary>
    public static readonly ListInput AlwaysRunAll = new("always-run-all", "Globs whose change runs every test; replaces the defaults.")
    {
        Defaults = PlanRules.DefaultAlwaysRunAll,
        DefaultSummary = "lockfiles, package.json, workflows, tsconfig, test-runner and bundler config, .nvmrc, Dockerfile",
        Format = "globs, one per line",
    };

    /// <summary>Changes ignored entirely.</summary>
    public static readonly ListInput Ignore = new("ignore", "Globs of changes to ignore entirely.") { Format = "globs, one per line" };

    /// <summary>Historical durations.</summary>
    public static readonly PathInput Durations = new("durations", "Playwright JSON or JUnit XML report, relative to working-directory, for duration-balanced shards.");

    /// <summary>Shard cap.</summary>
    public static readonly IntegerInput MaxShards = new("max-shards", "The most shards a plan uses; a plan with tests of several runners has at least one shard per runner (a shard never mixes runners).", 4, 1, 16);

    /// <summary>The brief's "comprehensive" high-risk run.</summary>
    public static readonly FlagInput HighRiskRunAll = new("high-risk-run-all", "A high-risk change runs every test (\"comprehensive\").", true);

    /// <summary>TEST_GLOB when everything runs.</summary>
    public static readonly TextInput AllTestsGlob = new("all-tests-glob", "The test-glob output when every test runs.") { Default = "**/*.{spec,test}.{ts,tsx,js,jsx}", Format = "a glob" };

    /// <summary>Enables the model.</summary>
    public static readonly TextInput OpenaiApiKey = new("openai-api-key", "Enables model refinement; without it the plan is heuristic only.")
    {
        Env = "OPENAI_API_KEY",
        Secret = true,
    };

    /// <summary>The model.</summary>
    public static readonly TextInput OpenaiModel = new("openai-model", "The model for refinement.") { Env = "OPENAI_MODEL", Default = "gpt-4o-mini" };

    /// <summary>An OpenAI-compatible server.</summary>
    public static readonly UrlInput OpenaiBaseUrl = new("openai-base-url", "An OpenAI-compatible server's base URL.")
    {
        Env = "OPENAI_BASE_URL",
        ComputedDefault = "OpenAI's API",
    };

    /// <summary>Bounds the model call.</summary>
    public static readonly DurationInput OpenaiTimeout = new("openai-timeout", "Time limit for the model call, retries included.", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    /// <summary>Bounds the model's answer.</summary>
    public static readonly IntegerInput OpenaiMaxTokens = new("openai-max-tokens", "Output token budget for the model call.", 800, 50, 8000);

    /// <summary>Evaluate mode's history depth.</summary>
    public static readonly IntegerInput EvaluateCommits = new("evaluate-commits", "How many recent commits evaluate mode replays.", 200, 1, 5000);

    /// <summary>The estimated recall co-change ranking must reach.</summary>
    public static readonly NumberInput TargetRecall = new("target-recall",
        "When the import graph selects over 35% of the tests (hubs), keep the direct importers, changed tests and rule-selected tests, and add the tests that most often changed with the changed files in earlier commits until they cover this share of those co-changes. 1 keeps every test that ever co-changed.",
        0.99, 0.5, 1);

    /// <summary>How much history the ranking learns from.</summary>
    public static readonly IntegerInput HistoryCommits = new("history-commits",
        "Opt-in: how many earlier non-merge commits co-change ranking reads (0: off). On real histories it cut selection only a little and cost recall on one, so it is off by default. Needs fetch-depth: 0.", 0, 0, 5000);

    /// <summary>Barrel tracing.</summary>
    public static readonly FlagInput TraceReExports = new("trace-reexports",
        "Follow names imported from barrel files (files of nothing but export … from) to the files that declare them, instead of depending on all the barrel re-exports.", true);

    /// <summary>Evaluate mode's report.</summary>
    public static readonly PathInput EvaluateOutput = new("evaluate-output", "Evaluate mode's report path without extension (.json and .md are written).") { Default = "predict-tests-evaluation" };

    /// <summary>Impact data: written by learn mode, read by plan and evaluate modes when it exists.</summary>
    public static readonly PathInput ImpactData = new("impact-data",
        "Impact data (what each test executed on the default branch), relative to the workspace. learn writes it; plan and evaluate use it when the file exists (restore it from the Actions cache), else plan by the import graph. A name ending .gz is gzip-compressed.")
    {
        Default = ".bookiji/impact-data.json.gz",
    };

    /// <summary>Learn mode's per-test coverage.</summary>
    public static readonly PathInput CoverageDir = new("coverage-dir",
        "Learn mode: the folder (relative to the workspace) of per-test coverage, one Istanbul coverage-final.json per test file at <coverage-dir>/<test file path>/coverage-final.json.")
    {
        Default = "coverage/per-test",
        Folder = true,
    };

    /// <summary>Learn mode's test reports.</summary>
    public static readonly ListInput TestResults = new("test-results",
        "Learn mode: JUnit XML, jest/vitest JSON or Playwright JSON reports of the same run (globs relative to working-directory), to record which tests failed or flaked.")
    {
        Format = "globs, one per line",
    };

    /// <summary>How far back failures count.</summary>
    public static readonly IntegerInput FailureRuns = new("failure-runs",
        "Plan mode with impact data: a test that failed or flaked in this many of the last analysed runs always runs, and one that flaked is listed as flaky.", 5, 1, 20);

    /// <summary>Quarantine.</summary>
    public static readonly FlagInput QuarantineFlaky = new("quarantine-flaky",
        "Opt-in: move recently flaky tests out of tests and shard-matrix into quarantined-tests, for a non-blocking step of the test job (they still run; see the README).", false);

    /// <summary>Output <c>risk</c>.</summary>
    public static readonly OutputDefinition RiskOutput = new("risk", "low, medium or high (high when the run failed).") { OnError = "high" };

    /// <summary>Output <c>tests</c>.</summary>
    public static readonly OutputDefinition TestsOutput = new("tests", "JSON array of the test files to run (pass it through env:, never inside run:); [] on a run-all plan whose list is over 200 KiB (ci-plan.json has it).");

    /// <summary>Output <c>test-glob</c>.</summary>
    public static readonly OutputDefinition TestGlobOutput = new("test-glob", "The brief's TEST_GLOB - a brace list of the tests, one path, the all-tests glob, or empty.");

    /// <summary>Output <c>shard-count</c>.</summary>
    public static readonly OutputDefinition ShardCountOutput = new("shard-count", "The number of shards.");

    /// <summary>Output <c>run-all</c>.</summary>
    public static readonly OutputDefinition RunAllOutput = new("run-all", "true when every test runs (always when the run failed).") { OnError = "true" };

    /// <summary>Output <c>shard-matrix</c>.</summary>
    public static readonly OutputDefinition ShardMatrixOutput = new("shard-matrix", "JSON for strategy.matrix - {\"include\":[{\"shard\":1,\"shards\":2,\"runner\":\"vitest\",\"all\":false,\"tests\":[...]}]}: one runner per entry; all: true runs that runner's suite with --shard.");

    /// <summary>Output <c>plan-path</c>.</summary>
    public static readonly OutputDefinition PlanPathOutput = new("plan-path", "Path of ci-plan.json, relative to the workspace.");

    /// <summary>Output <c>change-recall</c>.</summary>
    public static readonly OutputDefinition ChangeRecallOutput = new("change-recall", "Evaluate mode - share of commits whose co-changed tests were selected.");

    /// <summary>Output <c>selection-ratio</c>.</summary>
    public static readonly OutputDefinition SelectionRatioOutput = new("selection-ratio", "Evaluate mode - mean share of tests selected.");

    /// <summary>Output <c>fallback-rate</c>.</summary>
    public static readonly OutputDefinition FallbackRateOutput = new("fallback-rate", "Evaluate mode - share of commits that ran everything.");

    /// <summary>Output <c>flaky-tests</c>.</summary>
    public static readonly OutputDefinition FlakyTestsOutput = new("flaky-tests", "JSON array of the tests the impact data saw flake (fail, then pass on retry) in the last failure-runs runs; [] without data.");

    /// <summary>Output <c>quarantined-tests</c>.</summary>
    public static readonly OutputDefinition QuarantinedTestsOutput = new("quarantined-tests", "JSON array of the flaky tests taken out of tests (quarantine-flaky: true): run them in a non-blocking step.");

    /// <summary>Output <c>impact-data-path</c>.</summary>
    public static readonly OutputDefinition ImpactDataPathOutput = new("impact-data-path", "Learn mode - path of the impact data written, relative to the workspace.");

    /// <summary>Output <c>evaluation-path</c>.</summary>
    public static readonly OutputDefinition EvaluationPathOutput = new("evaluation-path", "Evaluate mode - path of the JSON report.");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "predict-tests",
        NeedsGit = true,
        BriefSection = "§1",
        Description = "Choose the tests and shard count for a change (import graph, test map, safety rules, optional LLM); write ci-plan.json.",
        Icon = "filter",
        Color = "green",
        Permissions = ["`pull-requests: read` — lists the pull request's files (falls back to git diff without it)", "`pull-requests: write` — only with pr-comment: true"],
        SwitchOff = "the CI_PREDICTIVE_OFF repository variable (or disabled: true) runs every test",
        Inputs = [Mode, Disabled, WorkingDirectory, TestMap, PlanFile, BaseRef, HeadRef, GithubToken, GithubTimeout, TestPatterns, LowRiskPatterns, HighRiskPatterns, AlwaysRunAll, Ignore, Durations, MaxShards, HighRiskRunAll, AllTestsGlob, OpenaiApiKey, OpenaiModel, OpenaiBaseUrl, OpenaiTimeout, OpenaiMaxTokens, EvaluateCommits, EvaluateOutput, TargetRecall, HistoryCommits, TraceReExports, ImpactData, CoverageDir, TestResults, FailureRuns, QuarantineFlaky, CommonInputs.PrComment],
        Outputs = [RiskOutput, TestsOutput, TestGlobOutput, ShardCountOutput, RunAllOutput, ShardMatrixOutput, PlanPathOutput, ChangeRecallOutput, SelectionRatioOutput, FallbackRateOutput, EvaluationPathOutput, FlakyTestsOutput, QuarantinedTestsOutput, ImpactDataPathOutput],
    };
}
