using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Download;

/// <summary>One workflow artifact as the REST API describes it (the fields this action uses).</summary>
public sealed record Artifact
{
    /// <summary>The artifact id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Its zip's size.</summary>
    [JsonPropertyName("size_in_bytes")]
    public long? SizeInBytes { get; init; }

    /// <summary>Whether it expired (its zip is gone).</summary>
    [JsonPropertyName("expired")]
    public bool Expired { get; init; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The run that uploaded it.</summary>
    [JsonPropertyName("workflow_run")]
    public ArtifactRun? WorkflowRun { get; init; }
}
