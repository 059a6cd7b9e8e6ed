using System.Text.Json.Serialization;

namespace Bookiji.Actions.Watchdog.Remediation;

/// <summary>The remediation attempt as <c>watchdog-result.json</c> records it.</summary>
public sealed record RemediationResult
{
    /// <summary>Whether POST /api/admin/reload-config was sent.</summary>
    [JsonPropertyName("attempted")]
    public required bool Attempted { get; init; }

    /// <summary>Why it was not (no key, cooldown, dry-run).</summary>
    [JsonPropertyName("skippedBecause")]
    public string? SkippedBecause { get; init; }

    /// <summary>The endpoint (never the key).</summary>
    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; init; }

    /// <summary>Its HTTP status.</summary>
    [JsonPropertyName("statusCode")]
    public int? StatusCode { get; init; }

    /// <summary>Its transport error.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("statusBefore")]
    public string? StatusBefore { get; init; }

    /// <summary>The status after the re-check.</summary>
    [JsonPropertyName("statusAfter")]
    public string? StatusAfter { get; init; }

    /// <summary>True when the re-check is healthy.</summary>
    [JsonPropertyName("helped")]
    public bool? Helped { get; init; }
}
