using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>The <c>endpoints-file</c>: <c>{"endpoints": [...]}</c>.</summary>
public sealed record EndpointsFile
{
    /// <summary>The extra endpoints.</summary>
    [JsonPropertyName("endpoints")]
    public IReadOnlyList<EndpointDeclaration>? Endpoints { get; init; }
}
