using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Probes;
using Bookiji.Actions.Watchdog.Sentry;
using D = Bookiji.Actions.Watchdog.WatchdogDefinition;

namespace Bookiji.Actions.Watchdog;

/// <summary>The action's inputs, resolved: input &gt; environment variable &gt; default. Parse reads no file.</summary>
/// <param name="Target">The production URL as the user wrote it.</param>
/// <param name="BuiltInChecks">The health and booking checks.</param>
/// <param name="ExtraChecks">Checks from the <c>endpoints</c> input.</param>
/// <param name="EndpointsFile">The endpoints file (absolute, inside the workspace), when given.</param>
/// <param name="SlowThreshold">Latency beyond which a check is slow.</param>
/// <param name="Probe">How probes are sent and confirmed.</param>
/// <param name="Deadline">The run's total time bound.</param>
/// <param name="ControlUrl">The URL outside production that tells a network failure from an outage.</param>
/// <param name="Sentry">The error budget query, when Sentry is configured.</param>
/// <param name="AdminApiKey">The remediation key (masked), when set.</param>
/// <param name="RemediationCooldown">Least time between remediation attempts.</param>
/// <param name="GithubToken">The token for incident issues (masked).</param>
/// <param name="FailureThreshold">Failing runs before an incident.</param>
/// <param name="SuccessThreshold">Healthy runs before closing.</param>
/// <param name="StatePath">The state file.</param>
/// <param name="ResultPath">The result file.</param>
/// <param name="DryRun">Report only.</param>
/// <param name="Notices">Configuration remarks to warn about (e.g. Sentry half configured).</param>
public sealed partial record WatchdogInputs(
    UserUrl Target,
    IReadOnlyList<CheckSpec> BuiltInChecks,
    IReadOnlyList<CheckSpec> ExtraChecks,
    string? EndpointsFile,
    TimeSpan SlowThreshold,
    ProbeSettings Probe,
    TimeSpan Deadline,
    Uri ControlUrl,
    SentrySettings? Sentry,
    string? AdminApiKey,
    TimeSpan RemediationCooldown,
    string? GithubToken,
    int FailureThreshold,
    int SuccessThreshold,
    string StatePath,
    string ResultPath,
    bool DryRun,
    IReadOnlyList<string> Notices)
{
    /// <summary>Stands in for an invalid target while the other inputs are validated; never probed (Parse throws first).</summary>
    private static readonly UserUrl PlaceholderTarget = new("https://target.invalid", new Uri("https://target.invalid"));

    /// <summary>The health check (always the first built-in check).</summary>
    public CheckSpec Health => BuiltInChecks[0];

    /// <summary>Reads and validates every input, reporting all problems at once.</summary>
    public static WatchdogInputs Parse(ActionRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var reader = new InputReader(runtime.Core);
        var notices = new List<string>();
        var target = reader.Read(D.TargetUrl);
        var healthPath = ReadPath(reader, D.HealthEndpoint);
        var bookingsPath = reader.IsSet(D.BookingsEndpoint) ? ReadPath(reader, D.BookingsEndpoint) : null;
        var slow = reader.Read(D.SlowThreshold) ?? TimeSpan.FromSeconds(2);
        var (conditions, conditionErrors) = ConditionParser.ParseAll(reader.Read(D.Conditions));
        foreach (var error in conditionErrors)
        {
            reader.AddError(D.Conditions.Name, $"{D.Conditions.Describe()}: {error}.");
        }

        var builtIn = new List<CheckSpec>();
        var extra = new List<CheckSpec>();
        // Without a valid target the extra endpoints are still parsed (against a placeholder), so every error is reported at once.
        var parseTarget = target ?? PlaceholderTarget;
        var withSlow = CheckPlan.WithSlowThreshold(conditions, slow);
        builtIn.Add(new CheckSpec("health", CheckKind.Health, parseTarget.Join(healthPath), withSlow));
        if (bookingsPath is not null)
        {
            builtIn.Add(new CheckSpec("bookings", CheckKind.Bookings, parseTarget.Join(bookingsPath), withSlow));
        }
        foreach (var line in reader.Read(D.Endpoints))
        {
            var (spec, error) = CheckPlan.ParseLine(line, parseTarget, slow);
            if (spec is null)
            {
                reader.AddError(D.Endpoints.Name, $"{D.Endpoints.Describe()}: {error}.");
            }
            else
            {
                extra.Add(spec);
            }
        }

        var probe = new ProbeSettings(
            reader.Read(D.Timeout) ?? TimeSpan.FromSeconds(10),
            reader.Read(D.Retries),
            reader.Read(D.RetryDelay) ?? TimeSpan.FromSeconds(1),
            reader.Read(D.MaxBodyKiB) * 1024);
        var control = reader.Read(D.ControlUrl)?.Uri ?? new Uri(runtime.GitHub.ServerUrl);
        var sentry = ReadSentry(reader, notices);
        var inputs = new WatchdogInputs(
            target ?? PlaceholderTarget,
            builtIn,
            extra,
            reader.Read(D.EndpointsFile),
            slow,
            probe,
            reader.Read(D.Deadline) ?? TimeSpan.FromMinutes(4),
            control,
            sentry,
            HeaderSafe(reader, D.AdminApiKey),
            reader.Read(D.RemediationCooldown) ?? TimeSpan.FromMinutes(30),
            HeaderSafe(reader, D.GithubToken),
            reader.Read(D.FailureThreshold),
            reader.Read(D.SuccessThreshold),
            reader.Read(D.StatePath) ?? string.Empty,
            reader.Read(D.ResultPath) ?? string.Empty,
            reader.Read(D.DryRun),
            notices);
        reader.ThrowIfInvalid();
        return inputs;
    }

    private static string ReadPath(InputReader reader, Core.Definition.TextInput input)
    {
        var path = reader.Read(input) ?? string.Empty;
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            reader.AddError(input.Name, $"{input.Describe()} must be a path starting with a single / (it is appended to target-url), e.g. /api/health; got '{path}'.");
        }

        return path;
    }

    private static SentrySettings? ReadSentry(InputReader reader, List<string> notices)
    {
        var org = NullIfEmpty(reader.Read(D.SentryOrg));
        var project = NullIfEmpty(reader.Read(D.SentryProject));
        var token = HeaderSafe(reader, D.SentryApiToken);
        var server = reader.Read(D.SentryUrl);
        var period = reader.Read(D.SentryPeriod) ?? TimeSpan.FromHours(1);
        var budget = reader.Read(D.ErrorBudget) ?? 0.05;
        foreach (var (input, value) in new[] { (D.SentryOrg, org), (D.SentryProject, project) })
        {
            if (value is not null && !Slug().IsMatch(value))
            {
                reader.AddError(input.Name, $"{input.Describe()} must be a Sentry slug (letters, digits, '.', '_', '-'); got '{value}'.");
            }
        }

        if (org is null && project is null && token is null)
        {
            return null;
        }

        if (org is null || project is null || token is null || server is null)
        {
            notices.Add("The Sentry error budget is skipped: it needs SENTRY_ORG, SENTRY_PROJECT and SENTRY_API_TOKEN together (set: "
                + string.Join(", ", new[] { ("SENTRY_ORG", org), ("SENTRY_PROJECT", project), ("SENTRY_API_TOKEN", token) }.Where(x => x.Item2 is not null).Select(x => x.Item1)) + ").");
            return null;
        }

        return new SentrySettings(server, org, project, token, period, budget);
    }

    /// <summary>A secret that becomes a header value: no whitespace or control characters (a header line must not be injectable).</summary>
    private static string? HeaderSafe(InputReader reader, Core.Definition.TextInput input)
    {
        var value = NullIfEmpty(reader.Read(input));
        if (value is not null && value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            reader.AddError(input.Name, $"{input.Describe()} must be a single token without spaces or line breaks (it is sent as an HTTP header).");
            return null;
        }

        return value;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Slug();
}
