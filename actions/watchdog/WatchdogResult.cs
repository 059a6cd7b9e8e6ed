using System.Text.Json.Serialization;
using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.Remediation;
using Bookiji.Actions.Watchdog.Sentry;

namespace Bookiji.Actions.Watchdog;

/// <summary><c>watchdog-result.json</c>: every check, the status, the remediation and the incident.</summary>
public sealed record WatchdogResult
{
    /// <summary>ok, degraded, down or unknown.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Why (one line per reason).</summary>
    [JsonPropertyName("reasons")]
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>When the run checked (ISO-8601 UTC).</summary>
    [JsonPropertyName("timestamp")]
    public required string Timestamp { get; init; }

    /// <summary>The target as the user wrote it.</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    /// <summary>Every check (after remediation, the re-check's results).</summary>
    [JsonPropertyName("checks")]
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>The control URL's answer, when it was probed.</summary>
    [JsonPropertyName("control")]
    public CheckResult? Control { get; init; }

    /// <summary>The Sentry error budget, when configured.</summary>
    [JsonPropertyName("errorBudget")]
    public SentryBudget? ErrorBudget { get; init; }

    [JsonPropertyName("remediation")]
    public RemediationResult? Remediation { get; init; }

    [JsonPropertyName("incident")]
    public required IncidentRecord Incident { get; init; }

    /// <summary>Failing runs in a row, this one included.</summary>
    [JsonPropertyName("failureStreak")]
    public required int FailureStreak { get; init; }

    /// <summary>Healthy runs in a row, this one included.</summary>
    [JsonPropertyName("successStreak")]
    public required int SuccessStreak { get; init; }

    /// <summary>Whether this was a dry-run.</summary>
    [JsonPropertyName("dryRun")]
    public required bool DryRun { get; init; }

    /// <summary>The workflow run.</summary>
    [JsonPropertyName("runUrl")]
    public string? RunUrl { get; init; }

    /// <summary>Wall time of the run.</summary>
    [JsonPropertyName("durationMs")]
    public required long DurationMs { get; init; }

    /// <summary>Warnings raised (optional upstreams that failed, skipped endpoints).</summary>
    [JsonPropertyName("warnings")]
    public required IReadOnlyList<string> Warnings { get; init; }
}
