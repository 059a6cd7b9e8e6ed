using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>One extra endpoint as <c>endpoints-file</c> declares it.</summary>
public sealed record EndpointDeclaration
{
    /// <summary>The check's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A path on target-url, or an absolute http(s) URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Gatus-style conditions; <c>[STATUS] == 200</c> when none.</summary>
    [JsonPropertyName("conditions")]
    public IReadOnlyList<string>? Conditions { get; init; }
}
