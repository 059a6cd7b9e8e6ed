namespace Bookiji.Actions.PredictTests;

/// <summary>The inputs of <c>mode: evaluate</c>.</summary>
public sealed record EvaluateModeInputs : PredictTestsInputs
{
    /// <summary>How many commits are replayed.</summary>
    public required int Commits { get; init; }

    /// <summary>The JSON report (absolute, inside the workspace).</summary>
    public required string JsonPath { get; init; }

    /// <summary>Impact data from an older commit to replay with, when the file exists (absolute, inside the workspace).</summary>
    public string? ImpactDataPath { get; init; }

    /// <summary>The Markdown report (absolute, inside the workspace).</summary>
    public required string MarkdownPath { get; init; }
}
