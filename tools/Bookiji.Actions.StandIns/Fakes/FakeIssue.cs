namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>An issue held by <see cref="FakeGitHubServer"/>.</summary>
public sealed class FakeIssue
{
    /// <summary>The repository, <c>owner/name</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>The issue number.</summary>
    public required int Number { get; init; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public string State { get; set; } = "open";

    /// <summary>Whether the conversation is locked.</summary>
    public bool Locked { get; set; }

    /// <summary>Who opened it (the job's token by default).</summary>
    public string Author { get; set; } = "github-actions[bot]";

    /// <summary>Bot or User.</summary>
    public string AuthorType { get; set; } = "Bot";

    /// <summary>Label names.</summary>
    public List<string> Labels { get; } = [];

    /// <summary>Comment bodies, in order.</summary>
    public List<string> Comments { get; } = [];

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
