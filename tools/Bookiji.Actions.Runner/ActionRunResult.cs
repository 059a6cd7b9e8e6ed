namespace Bookiji.Actions.Runner;

/// <summary>What one step produced, read back the way the runner reads it.</summary>
public sealed record ActionRunResult
{
    /// <summary>The process exit code.</summary>
    public required int ExitCode { get; init; }

    /// <summary>Everything the action printed.</summary>
    public required string Log { get; init; }

    /// <summary>The step's outputs (<c>steps.&lt;id&gt;.outputs</c>).</summary>
    public required IReadOnlyDictionary<string, string> Outputs { get; init; }

    /// <summary>Variables exported to later steps.</summary>
    public required IReadOnlyDictionary<string, string> ExportedEnv { get; init; }

    /// <summary>Saved state for the post step.</summary>
    public required IReadOnlyDictionary<string, string> State { get; init; }

    /// <summary>Directories added to PATH.</summary>
    public required IReadOnlyList<string> AddedPaths { get; init; }

    /// <summary>The step summary's Markdown/HTML.</summary>
    public required string Summary { get; init; }

    /// <summary>Workflow commands in the log (annotations, masks, groups).</summary>
    public required IReadOnlyList<LoggedCommand> Commands { get; init; }

    /// <summary>Warnings the runner itself gave (e.g. unexpected inputs).</summary>
    public required IReadOnlyList<string> RunnerWarnings { get; init; }

    /// <summary>The workspace folder.</summary>
    public required string Workspace { get; init; }

    /// <summary>The exact environment the action was started with.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>The annotations of one kind (<c>error</c>, <c>warning</c>, <c>notice</c>).</summary>
    public IReadOnlyList<LoggedCommand> Annotations(string kind) => [.. Commands.Where(c => c.Command == kind)];

    /// <summary>The values registered with <c>add-mask</c>.</summary>
    public IReadOnlyList<string> Masks => [.. Commands.Where(c => c.Command == "add-mask").Select(c => c.Message)];
}
