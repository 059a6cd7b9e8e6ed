using System.Globalization;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>
/// The pure check of one parsed metrics file: a sound <see cref="CiRun"/> or the reasons it is not. Every count and
/// date is bounded on read, so no file can overflow a sum or a window: a file outside the bounds is named and skipped.
/// </summary>
public static partial class MetricsValidator
{
    /// <summary>The largest test or health-check count of one run accepted (far above any real run; sums of 10,000 runs stay exact).</summary>
    public const long MaxCount = 10_000_000;

    /// <summary>The largest run attempt accepted.</summary>
    public const long MaxAttempt = 10_000;

    /// <summary>The slowest booking latency kept, in milliseconds (a day); slower samples are dropped as invalid.</summary>
    public const double MaxLatencyMs = 86_400_000;

    /// <summary>Latency samples kept per run: more are reduced to this many evenly spaced order statistics (quantiles kept), so memory is bounded whatever a file holds.</summary>
    public const int MaxSamplesPerRun = 1_000;

    /// <summary>The earliest and latest timestamps accepted (UTC).</summary>
    public static readonly (DateTimeOffset From, DateTimeOffset To) TimestampRange = (new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Validates <paramref name="data"/>, read from <paramref name="file"/>; issues are appended to <paramref name="issues"/>.</summary>
    public static CiRun? Validate(string file, CiMetricsFile data, ICollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(issues);
        var problems = new List<string>();
        var missing = new List<string>();
        DateTimeOffset timestamp = default;
        if (data.Timestamp is null)
        {
            missing.Add("timestamp");
        }
        else if (!IsoDateTime().IsMatch(data.Timestamp)
            || !DateTimeOffset.TryParse(data.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp))
        {
            problems.Add($"timestamp '{Clip(data.Timestamp)}' is not an ISO-8601 date and time (e.g. 2025-12-07T10:00:00Z)");
        }
        else if (timestamp < TimestampRange.From || timestamp >= TimestampRange.To)
        {
            problems.Add($"timestamp '{Clip(data.Timestamp)}' is outside {TimestampRange.From.Year}–{TimestampRange.To.Year - 1}");
        }

        if (data.RunAttempt is < 1 or > MaxAttempt)
        {
            problems.Add($"runAttempt {data.RunAttempt} is not between 1 and {MaxAttempt:N0}");
        }

        if (string.IsNullOrWhiteSpace(data.CommitSha))
        {
            missing.Add("commitSha");
        }

        if (data.RunId is null)
        {
            missing.Add("runId");
        }
        else if (data.RunId <= 0)
        {
            problems.Add($"runId {data.RunId} is not a positive number");
        }

        if (data.Passed is null)
        {
            missing.Add("passed");
        }

        var tests = data.Tests;
        if (tests is null)
        {
            missing.Add("tests");
        }
        else
        {
            if (tests.Passed is null)
            {
                missing.Add("tests.passed");
            }

            if (tests.Failed is null)
            {
                missing.Add("tests.failed");
            }

            if (tests.Passed < 0 || tests.Failed < 0 || tests.Skipped < 0 || tests.Total < 0)
            {
                problems.Add("test counts must not be negative");
            }

            if (tests.Passed > MaxCount || tests.Failed > MaxCount || tests.Skipped > MaxCount || tests.Total > MaxCount)
            {
                problems.Add($"test counts must be at most {MaxCount:N0}");
            }
        }

        if (missing.Count > 0)
        {
            problems.Insert(0, "missing " + string.Join(", ", missing));
        }

        if (problems.Count > 0 || tests is null)
        {
            issues.Add(new DataIssue(DataIssueKind.Incomplete, file, string.Join("; ", problems)));
            return null;
        }

        var passed = tests.Passed ?? 0;
        var failed = tests.Failed ?? 0;
        var skipped = tests.Skipped ?? 0;
        var health = Health(file, data.Health, issues);
        return new CiRun(
            file,
            timestamp,
            data.CommitSha!.Trim(),
            data.RunId ?? 0,
            Math.Max(1, data.RunAttempt ?? 1),
            data.Workflow?.Trim() ?? string.Empty,
            data.Passed ?? false,
            passed,
            failed,
            skipped,
            Math.Max(tests.Total ?? 0, passed + failed + skipped),
            Latencies(file, data.BookingLatenciesMs, issues),
            health?.Checks,
            health?.Failures);
    }

    private static double[] Latencies(string file, IReadOnlyList<double>? samples, ICollection<DataIssue> issues)
    {
        if (samples is null || samples.Count == 0)
        {
            return [];
        }

        var valid = samples.Where(s => double.IsFinite(s) && s is >= 0 and <= MaxLatencyMs).ToArray();
        if (valid.Length < samples.Count)
        {
            issues.Add(new DataIssue(DataIssueKind.InvalidLatency, file, $"{samples.Count - valid.Length} of {samples.Count} booking latencies are negative, not finite or over {MaxLatencyMs:N0} ms and were dropped"));
        }

        Array.Sort(valid);
        if (valid.Length <= MaxSamplesPerRun)
        {
            return valid;
        }

        issues.Add(new DataIssue(DataIssueKind.InvalidLatency, file, $"{valid.Length:N0} booking latencies were reduced to {MaxSamplesPerRun:N0} evenly spaced quantiles (the most kept per run)"));
        var kept = new double[MaxSamplesPerRun];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = valid[(int)Math.Round((double)i * (valid.Length - 1) / (kept.Length - 1))];
        }

        return kept;
    }

    private static (long Checks, long Failures)? Health(string file, CiHealth? health, ICollection<DataIssue> issues)
    {
        if (health is null)
        {
            return null;
        }

        if (health.Checks is not { } checks || checks <= 0 || checks > MaxCount || health.Failures is not { } failures || failures < 0 || failures > checks)
        {
            issues.Add(new DataIssue(DataIssueKind.InvalidHealth, file, $"health {{checks: {Text(health.Checks)}, failures: {Text(health.Failures)}}} is not a count of checks with at most that many failures; health was ignored"));
            return null;
        }

        return (checks, failures);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex IsoDateTime();

    private static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "missing";

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
