using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata.Vercel;

/// <summary>The <c>pagination</c> object of a Vercel list: <c>next</c> is the timestamp (ms) to pass as <c>until</c>.</summary>
public sealed record VercelPagination
{
    /// <summary>The <c>until</c> value of the next (older) page, or <c>null</c> on the last page.</summary>
    [JsonPropertyName("next")]
    public long? Next { get; init; }
}
