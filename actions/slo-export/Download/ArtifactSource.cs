using Bookiji.Actions.Core.Context;

namespace Bookiji.Actions.SloExport.Download;

/// <summary>Where export mode downloads CI metrics artifacts from.</summary>
/// <param name="Name">The artifact name.</param>
/// <param name="Limit">Most recent artifacts downloaded.</param>
/// <param name="Timeout">Bound on the whole download.</param>
/// <param name="Token">The API token (masked).</param>
/// <param name="Repository">The repository.</param>
/// <param name="ApiUrl">GITHUB_API_URL.</param>
public sealed record ArtifactSource(string Name, int Limit, TimeSpan Timeout, string Token, RepositoryRef Repository, string ApiUrl)
{
    /// <summary>The branches whose runs are trusted; empty means the repository's default branch.</summary>
    public IReadOnlyList<string> Branches { get; init; } = [];

    /// <summary>The default branch as the event payload names it, when it does (else the API is asked).</summary>
    public string? DefaultBranch { get; init; }
}
