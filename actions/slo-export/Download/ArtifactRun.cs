using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Download;

/// <summary>The workflow run that uploaded an artifact.</summary>
public sealed record ArtifactRun
{
    /// <summary>The run id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The commit it ran on.</summary>
    [JsonPropertyName("head_sha")]
    public string? HeadSha { get; init; }
}
