using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Output.Grafana;

/// <summary>The rows as one compact JSON string, for the dashboard's inline snapshot.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<SloRow>))]
internal sealed partial class CompactRows : JsonSerializerContext
{
    /// <summary>Without \u escapes, so the embedded rows stay readable in the dashboard JSON.</summary>
    public static CompactRows Relaxed { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
