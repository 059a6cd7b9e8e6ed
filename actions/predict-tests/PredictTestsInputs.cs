using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Planning;
using D = Bookiji.Actions.PredictTests.PredictTestsDefinition;

namespace Bookiji.Actions.PredictTests;

/// <summary>
/// The inputs both modes share; <see cref="Parse"/> returns <see cref="PlanModeInputs"/> or
/// <see cref="EvaluateModeInputs"/>. Every problem is reported at once; no file is read here.
/// </summary>
public abstract record PredictTestsInputs
{
    /// <summary>The repository's work tree (absolute, inside the workspace).</summary>
    public required string RepositoryPath { get; init; }

    /// <summary>The planning rules, the test map's repository-relative path among them.</summary>
    public required PlanRules Rules { get; init; }

    /// <summary>Reads and validates the mode's inputs, reporting every problem at once.</summary>
    public static PredictTestsInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var reader = new InputReader(runtime.Core);
        var mode = reader.Read(D.Mode);
        var repository = reader.Read(D.WorkingDirectory);
        var rules = new PlanRules
        {
            TestFiles = new GlobSet(Globs(reader, D.TestPatterns)),
            LowRisk = new GlobSet(Globs(reader, D.LowRiskPatterns)),
            HighRisk = new GlobSet(Globs(reader, D.HighRiskPatterns)),
            AlwaysRunAll = new GlobSet(Globs(reader, D.AlwaysRunAll)),
            Ignore = new GlobSet(Globs(reader, D.Ignore)),
            TestMapPath = TestMapPath(reader, repository),
            MaxShards = reader.Read(D.MaxShards),
            HighRiskRunsAll = reader.Read(D.HighRiskRunAll),
            TargetRecall = reader.Read(D.TargetRecall) ?? D.TargetRecall.Default ?? 1,
            HistoryCommits = reader.Read(D.HistoryCommits),
            TraceReExports = reader.Read(D.TraceReExports),
            FailureRuns = reader.Read(D.FailureRuns),
            QuarantineFlaky = reader.Read(D.QuarantineFlaky),
        };
        PredictTestsInputs? inputs = mode switch
        {
            PredictTestsMode.Evaluate => ReadEvaluateInputs(reader, runtime, repository, rules),
            PredictTestsMode.Learn => ReadLearnInputs(reader, repository, rules),
            _ => ReadPlanInputs(reader, runtime, repository, rules),
        };
        reader.ThrowIfInvalid();

        // Every input that came back null recorded an error, so ThrowIfInvalid has thrown before this.
        return inputs ?? throw new InvalidOperationException("An input was invalid without an error being recorded.");
    }

    private static PlanModeInputs? ReadPlanInputs(InputReader reader, ActionRuntime runtime, string? repository, PlanRules rules)
    {
        var planPath = reader.Read(D.PlanFile);
        var key = reader.Read(D.OpenaiApiKey);
        var model = reader.Read(D.OpenaiModel) ?? string.Empty;
        var endpoint = reader.Read(D.OpenaiBaseUrl);
        var timeout = reader.Read(D.OpenaiTimeout) ?? TimeSpan.Zero;
        var maxTokens = reader.Read(D.OpenaiMaxTokens);
        var disabled = reader.Read(D.Disabled);
        var baseRef = Revision(reader, D.BaseRef);
        var headRef = Revision(reader, D.HeadRef);
        var token = reader.Read(D.GithubToken);
        var githubTimeout = reader.Read(D.GithubTimeout) ?? TimeSpan.Zero;
        var durations = DurationsPath(reader, runtime, repository);
        var allTestsGlob = reader.Read(D.AllTestsGlob) ?? string.Empty;
        var prComment = reader.Read(Core.Definition.CommonInputs.PrComment);
        var impactData = reader.Read(D.ImpactData);
        return repository is null || planPath is null ? null : new PlanModeInputs
        {
            ImpactDataPath = impactData,
            RepositoryPath = repository,
            Rules = rules,
            PlanPath = planPath,
            Disabled = disabled,
            BaseRef = baseRef,
            HeadRef = headRef,
            GitHubToken = token,
            GitHubTimeout = githubTimeout,
            DurationsPath = durations,
            AllTestsGlob = allTestsGlob,
            PrComment = prComment,
            Model = string.IsNullOrEmpty(key) ? null : new LlmOptions(key, model, endpoint?.Uri, timeout, maxTokens),
        };
    }

    private static EvaluateModeInputs? ReadEvaluateInputs(InputReader reader, ActionRuntime runtime, string? repository, PlanRules rules)
    {
        var commits = reader.Read(D.EvaluateCommits);
        var stem = reader.Read(D.EvaluateOutput);
        var (json, markdown) = stem is null ? (null, null) : ReportPaths(reader, runtime, stem);
        var impactData = reader.Read(D.ImpactData);
        return repository is null || json is null || markdown is null ? null : new EvaluateModeInputs
        {
            ImpactDataPath = impactData,
            RepositoryPath = repository,
            Rules = rules,
            Commits = commits,
            JsonPath = json,
            MarkdownPath = markdown,
        };
    }

    private static LearnModeInputs? ReadLearnInputs(InputReader reader, string? repository, PlanRules rules)
    {
        var impactData = reader.Read(D.ImpactData);
        var coverage = reader.Read(D.CoverageDir);
        var results = Globs(reader, D.TestResults);
        return repository is null || impactData is null || coverage is null ? null : new LearnModeInputs
        {
            RepositoryPath = repository,
            Rules = rules,
            ImpactDataPath = impactData,
            CoverageDir = coverage,
            TestResults = results,
        };
    }

    /// <summary>A revision for git: refused when git would read it as an option (or it holds control characters).</summary>
    private static string? Revision(InputReader reader, Core.Definition.TextInput input)
    {
        var value = reader.Read(input);
        if (value is null)
        {
            return null;
        }

        if (value.StartsWith('-'))
        {
            reader.AddError(input.Name, $"{input.Describe()} must be a git revision; '{value}' starts with '-', which git would read as an option.");
        }
        else if (value.Any(char.IsControl))
        {
            reader.AddError(input.Name, $"{input.Describe()} must be a git revision; it holds a control character.");
        }

        return value;
    }

    /// <summary>The test map's path relative to the repository, which it must not leave.</summary>
    private static string TestMapPath(InputReader reader, string? repository)
    {
        var text = (reader.Read(D.TestMap) ?? string.Empty).Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        var root = repository ?? reader.Workspace;
        var full = Path.GetFullPath(Path.Combine(root, text));
        if (text.Length == 0 || Path.IsPathRooted(text) || text.Contains('\0', StringComparison.Ordinal) || !WorkspacePaths.IsWithin(full, root) || full == root)
        {
            reader.AddError(D.TestMap.Name, $"{D.TestMap.Describe()} must be a file path inside working-directory; '{text}' is not.");
        }

        return text;
    }

    /// <summary>The durations report: relative to the repository (as documented), confined to the workspace.</summary>
    private static string? DurationsPath(InputReader reader, ActionRuntime runtime, string? repository)
    {
        var text = reader.RawText(D.Durations);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var (full, error) = WorkspacePaths.Confine(Path.Combine(repository ?? reader.Workspace, text), reader.Workspace, [runtime.Environment.GetNonEmpty("RUNNER_TEMP")]);
        if (error is not null)
        {
            reader.AddError(D.Durations.Name, $"{D.Durations.Describe()} must stay inside the workspace; '{text}' does not.");
        }

        return full;
    }

    /// <summary>The report files next to evaluate-output, each confined (either may be a link out of the workspace).</summary>
    private static (string? Json, string? Markdown) ReportPaths(InputReader reader, ActionRuntime runtime, string stem)
    {
        string? Confined(string extension)
        {
            var (full, error) = WorkspacePaths.Confine(stem + extension, reader.Workspace, [runtime.Environment.GetNonEmpty("RUNNER_TEMP")]);
            if (error is not null)
            {
                reader.AddError(D.EvaluateOutput.Name, $"{D.EvaluateOutput.Describe()}: the report {stem + extension} {error}.");
            }

            return full;
        }

        return (Confined(".json"), Confined(".md"));
    }

    private static IReadOnlyList<string> Globs(InputReader reader, Core.Definition.ListInput input)
    {
        var globs = reader.Read(input);
        foreach (var glob in globs)
        {
            if (BraceExpansion.Expand(glob).Problem is { } problem)
            {
                reader.AddError(input.Name, $"{input.Describe()}: {problem}.");
            }
        }

        return globs;
    }
}
