using System.Text.Json.Serialization;

namespace Bookiji.Actions.SloExport.Record;

/// <summary>An error outside tests.</summary>
public sealed record PlaywrightError
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
