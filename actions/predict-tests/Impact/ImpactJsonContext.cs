using System.Text.Json.Serialization;

namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>Impact data, source-generated and unindented: it is the one file whose size matters.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(ImpactData))]
internal sealed partial class ImpactJsonContext : JsonSerializerContext;
