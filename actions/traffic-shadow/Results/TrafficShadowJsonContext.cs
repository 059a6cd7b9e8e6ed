using System.Text.Json.Serialization;

namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>
/// Source-generated JSON for every file traffic-shadow reads or writes. Nullable annotations and required members
/// are enforced on reading, so a shard file of the wrong shape is refused by name instead of failing later.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(TrafficShadowResults))]
[JsonSerializable(typeof(CanaryFile))]
internal sealed partial class TrafficShadowJsonContext : JsonSerializerContext;
