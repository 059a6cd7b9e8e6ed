using System.Text.Json.Serialization;

namespace Bookiji.Actions.PredictTests.Report;

/// <summary>Compact JSON for step outputs (one line each).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ShardMatrix))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
