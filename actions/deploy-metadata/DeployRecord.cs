using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>
/// One deploy, as <c>deploy-metadata/deploy-{sha}.json</c>. The brief's four fields come first and are always
/// written (null when unknown); the traceability fields after them are written when known.
/// </summary>
public sealed record DeployRecord
{
    /// <summary>The full commit SHA.</summary>
    [JsonPropertyName("sha")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string Sha { get; init; }

    /// <summary>The preview deployment URL.</summary>
    [JsonPropertyName("previewUrl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PreviewUrl { get; init; }

    [JsonPropertyName("productionUrl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ProductionUrl { get; init; }

    /// <summary>When the record was first created, ISO-8601 UTC to the second.</summary>
    [JsonPropertyName("createdAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string CreatedAt { get; init; }

    /// <summary>The repository, <c>owner/name</c>.</summary>
    [JsonPropertyName("repository")]
    public string? Repository { get; init; }

    /// <summary>The git ref the workflow ran on.</summary>
    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    /// <summary>The event that triggered the workflow.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; init; }

    /// <summary>The pull request number, for PR deploys.</summary>
    [JsonPropertyName("pullRequest")]
    public int? PullRequest { get; init; }

    /// <summary>The workflow run id.</summary>
    [JsonPropertyName("runId")]
    public long? RunId { get; init; }

    [JsonPropertyName("runAttempt")]
    public long? RunAttempt { get; init; }

    /// <summary>The workflow run's URL.</summary>
    [JsonPropertyName("runUrl")]
    public string? RunUrl { get; init; }

    /// <summary>Who triggered the run.</summary>
    [JsonPropertyName("actor")]
    public string? Actor { get; init; }

    /// <summary>True when the deploy-facing fields equal <paramref name="other"/>'s (timestamps and run facts aside).</summary>
    public bool DescribesSameDeploy(DeployRecord other) =>
        other is not null && Sha == other.Sha && PreviewUrl == other.PreviewUrl && ProductionUrl == other.ProductionUrl;
}
