namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>An issue or pull-request comment held by <see cref="FakeGitHubServer"/>.</summary>
public sealed class FakeComment
{
    /// <summary><c>owner/name</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>The issue or pull request number.</summary>
    public required int Number { get; init; }

    /// <summary>The comment id (unique in the server, as on GitHub).</summary>
    public required long Id { get; init; }

    /// <summary>The Markdown body.</summary>
    public required string Body { get; set; }

    /// <summary>Who wrote it (the token's bot by default).</summary>
    public string Author { get; init; } = "github-actions[bot]";

    /// <summary><c>Bot</c> or <c>User</c>.</summary>
    public string AuthorType { get; init; } = "Bot";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last edited.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
