using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bookiji.Actions.SloExport.Download;
using Bookiji.Actions.SloExport.Output;
using Bookiji.Actions.SloExport.Output.Grafana;

namespace Bookiji.Actions.SloExport;

/// <summary>
/// Source-generated JSON of every file export mode writes and of the GitHub artifacts API it reads. Nulls are
/// written: a null figure is the file's way of saying "insufficient data", and consumers see a fixed shape.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SloSummary))]
[JsonSerializable(typeof(SloTimeseries))]
[JsonSerializable(typeof(IReadOnlyList<SloRow>))]
[JsonSerializable(typeof(GrafanaDashboard))]
[JsonSerializable(typeof(ArtifactList))]
[JsonSerializable(typeof(RepositoryInfo))]
internal sealed partial class SloJsonContext : JsonSerializerContext
{
    /// <summary>For the files people read and tools import: '≤' and quotes are written as themselves, not as \u escapes (these files are never embedded in HTML).</summary>
    public static SloJsonContext Files { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
