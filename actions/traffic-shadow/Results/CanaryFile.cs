using System.Text.Json.Serialization;

namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary><c>.canary.json</c>: where a deploy step leaves the canary's URL (any of the three names).</summary>
/// <param name="CanaryUrl">The URL under <c>canaryUrl</c>.</param>
/// <param name="Url">The URL under <c>url</c>.</param>
/// <param name="CanaryUrlSnake">The URL under <c>canary_url</c>.</param>
public sealed record CanaryFile(string? CanaryUrl = null, string? Url = null, [property: JsonPropertyName("canary_url")] string? CanaryUrlSnake = null);
