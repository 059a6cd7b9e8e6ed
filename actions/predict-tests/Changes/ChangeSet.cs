namespace Bookiji.Actions.PredictTests.Changes;

/// <summary>The changed files and where they came from.</summary>
/// <param name="Files">The files.</param>
/// <param name="Source">e.g. <c>github-api</c> or <c>git diff BASE...HEAD</c>.</param>
/// <param name="Complete">False when the list is known to be incomplete (then the plan runs everything).</param>
/// <param name="Problems">Warnings met while collecting (API failure, deepening, truncation).</param>
public sealed record ChangeSet(IReadOnlyList<ChangedFile> Files, string Source, bool Complete, IReadOnlyList<string> Problems)
{
    /// <summary>The merge base the diff started from, when git computed it: history older than it is fair evidence.</summary>
    public string? Base { get; init; }
}
