using System.Text.Json.Serialization;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>The part of ephemeral-env's descriptor (<c>.ephemeral-env.json</c>) this action reads.</summary>
public sealed record EphemeralEnvBaseUrl
{
    /// <summary>The environment's base URL.</summary>
    [JsonPropertyName("baseUrl")]
    public string? BaseUrl { get; init; }
}
