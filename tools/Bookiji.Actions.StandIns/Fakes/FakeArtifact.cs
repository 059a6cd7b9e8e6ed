namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>How the fake serves an artifact's zip.</summary>
public enum FakeArtifactDownload
{
    /// <summary>302 to a signed blob URL that serves the zip (as GitHub does).</summary>
    Redirect,

    /// <summary>The zip endpoint answers 200 with the bytes itself (some proxies do).</summary>
    Direct,

    /// <summary>The blob connection is reset mid-answer.</summary>
    Reset,

    /// <summary>The blob never answers (until the client gives up).</summary>
    Hang,

    /// <summary>410 Gone: the artifact expired between listing and download.</summary>
    Gone,

    /// <summary>302 to a Location that is not an absolute http(s) URL.</summary>
    BadRedirect,
}

/// <summary>A workflow artifact held by <see cref="FakeGitHubServer"/>.</summary>
public sealed class FakeArtifact
{
    /// <summary>The repository, <c>owner/name</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>The artifact id.</summary>
    public required long Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The zip's bytes (any bytes: garbage tests the client).</summary>
    public required byte[] Zip { get; set; }

    /// <summary>The run that uploaded it.</summary>
    public long RunId { get; set; } = 1;

    /// <summary>The repository the run's code came from (another id than <see cref="FakeGitHubServer.RepositoryId"/>: a fork's pull request).</summary>
    public long HeadRepositoryId { get; set; } = FakeGitHubServer.RepositoryId;

    /// <summary>The branch the run ran on.</summary>
    public string HeadBranch { get; set; } = "main";

    /// <summary>The run's commit.</summary>
    public string HeadSha { get; set; } = "328faa0536e6fef19753d9d91dc96a9931694ce3";

    /// <summary>When it was created (the list is newest first).</summary>
    public DateTimeOffset CreatedAt { get; set; } = new(2025, 12, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Whether it expired.</summary>
    public bool Expired { get; set; }

    /// <summary>How its zip is served.</summary>
    public FakeArtifactDownload Download { get; set; } = FakeArtifactDownload.Redirect;
}
