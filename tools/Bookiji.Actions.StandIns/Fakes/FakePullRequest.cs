namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>A changed file of a <see cref="FakePullRequest"/>.</summary>
/// <param name="Filename">The path after the change.</param>
/// <param name="Status"><c>added</c>, <c>modified</c>, <c>removed</c>, <c>renamed</c>, ...</param>
/// <param name="PreviousFilename">For renames, the old path.</param>
public sealed record FakePullFile(string Filename, string Status = "modified", string? PreviousFilename = null);

/// <summary>A pull request held by <see cref="FakeGitHubServer"/>.</summary>
public sealed class FakePullRequest
{
    /// <summary>The repository, <c>owner/name</c>.</summary>
    public required string Repository { get; init; }

    public required int Number { get; init; }

    public string Title { get; set; } = "A change";

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public string State { get; set; } = "open";

    /// <summary>Whether it was merged.</summary>
    public bool Merged { get; set; }

    /// <summary>The head branch.</summary>
    public string HeadRef { get; set; } = "feature/change";

    public string HeadSha { get; set; } = new('a', 40);

    /// <summary>The base branch.</summary>
    public string BaseRef { get; set; } = "main";

    public string BaseSha { get; set; } = new('b', 40);

    /// <summary>The changed files (the API lists at most 3,000 of them).</summary>
    public List<FakePullFile> Files { get; } = [];

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
