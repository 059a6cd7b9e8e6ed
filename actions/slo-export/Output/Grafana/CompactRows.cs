using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>The rows as one compact JSON string, for the dashboard's inline snapshot.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<SloRow>))]
internal sealed partial class CompactRows : JsonSerializerContext;
