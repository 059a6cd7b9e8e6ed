using System.Text.Json.Serialization;
using Bookiji.Actions.SloExport.Metrics;

namespace Bookiji.Actions.SloExport;

/// <summary>Source-generated JSON of the CI metrics file (read by export, written by record) and of the Playwright report record reads; absent optional fields are left out.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CiMetricsFile))]
[JsonSerializable(typeof(Record.PlaywrightReport))]
internal sealed partial class CiMetricsJsonContext : JsonSerializerContext;
