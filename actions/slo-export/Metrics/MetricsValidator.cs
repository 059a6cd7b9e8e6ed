using System.Globalization;

namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>The pure check of one parsed metrics file: a sound <see cref="CiRun"/> or the reasons it is not.</summary>
public static class MetricsValidator
{
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
        else if (!DateTimeOffset.TryParse(data.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp))
        {
            problems.Add($"timestamp '{Clip(data.Timestamp)}' is not an ISO-8601 date and time");
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

        var valid = samples.Where(s => double.IsFinite(s) && s >= 0).ToArray();
        if (valid.Length < samples.Count)
        {
            issues.Add(new DataIssue(DataIssueKind.InvalidLatency, file, $"{samples.Count - valid.Length} of {samples.Count} booking latencies are negative or not finite and were dropped"));
        }

        Array.Sort(valid);
        return valid;
    }

    private static (long Checks, long Failures)? Health(string file, CiHealth? health, ICollection<DataIssue> issues)
    {
        if (health is null)
        {
            return null;
        }

        if (health.Checks is not { } checks || checks <= 0 || health.Failures is not { } failures || failures < 0 || failures > checks)
        {
            issues.Add(new DataIssue(DataIssueKind.InvalidHealth, file, $"health {{checks: {Text(health.Checks)}, failures: {Text(health.Failures)}}} is not a count of checks with at most that many failures; health was ignored"));
            return null;
        }

        return (checks, failures);
    }

    private static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "missing";

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
