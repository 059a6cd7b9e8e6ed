using System.Text.Json.Serialization;

namespace Bookiji.Actions.PredictTests.Impact.Coverage;

/// <summary>The Istanbul JSON coverage report, source-generated: file key → its coverage. Counts are read as numbers of any size.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, AllowTrailingCommas = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Dictionary<string, IstanbulFileCoverage?>))]
internal sealed partial class CoverageJsonContext : JsonSerializerContext;
