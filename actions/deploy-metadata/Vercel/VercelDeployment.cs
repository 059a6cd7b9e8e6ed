using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata.Vercel;

/// <summary>A deployment as <c>GET /v6/deployments</c> lists it (the fields this action reads).</summary>
public sealed record VercelDeployment
{
    /// <summary>The deployment id (<c>dpl_…</c>).</summary>
    [JsonPropertyName("uid")]
    public string? Uid { get; init; }

    /// <summary>Its own URL (without scheme).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>READY, ERROR, BUILDING, …</summary>
    [JsonPropertyName("readyState")]
    public string? ReadyState { get; init; }

    /// <summary>Older name of <see cref="ReadyState"/>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Git metadata; <c>githubCommitSha</c> names the commit.</summary>
    [JsonPropertyName("meta")]
    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    /// <summary>Creation time, in milliseconds since the epoch.</summary>
    [JsonPropertyName("created")]
    public long Created { get; init; }

    /// <summary>Whether it finished building.</summary>
    public bool IsReady => string.Equals(ReadyState ?? State, "READY", StringComparison.OrdinalIgnoreCase);
}
