using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Watchdog;

/// <summary>The one declaration of watchdog's inputs and outputs; action.yml and the README tables are generated from it.</summary>
public static class WatchdogDefinition
{
    /// <summary>The production site.</summary>
    public static readonly UrlInput TargetUrl = new("target-url", "Production base URL (required; an empty variable counts as unset); check paths are appended to its own path (never resolved against it).")
    {
        Env = "WATCHDOG_TARGET_URL",
        Required = true,
        RefuseCredentials = true,
    };

    /// <summary>The health check's path.</summary>
    public static readonly TextInput HealthEndpoint = new("health-endpoint", "Path of the health endpoint on target-url.")
    {
        Env = "WATCHDOG_HEALTH_ENDPOINT",
        Default = "/api/health",
        Format = "a path starting with /",
    };

    /// <summary>The booking API check's path.</summary>
    public static readonly TextInput BookingsEndpoint = new("bookings-endpoint", "Path of a second core endpoint on target-url (the brief's booking API, e.g. /api/health/bookings); with it, down means both fail. Off when unset.")
    {
        ComputedDefault = "none: the health check alone decides down",
        Format = "a path starting with /",
    };

    /// <summary>Conditions of the two built-in checks.</summary>
    public static readonly ListInput Conditions = new("conditions", "Gatus-style conditions the health and booking checks must meet, one per line: [STATUS], [RESPONSE_TIME] (ms) or [BODY].a.b[0] compared with == != < <= > >=.")
    {
        Defaults = ["[STATUS] == 200"],
        Format = "one condition per line, e.g. [STATUS] == 200, [RESPONSE_TIME] < 800, [BODY].status == ok",
    };

    /// <summary>Extra endpoints from the workflow.</summary>
    public static readonly ListInput Endpoints = new("endpoints", "Extra checks, one per line: 'name | /path-or-absolute-url | condition && condition' (conditions default to [STATUS] == 200). A failing extra check makes the status degraded, never down.")
    {
        Format = "name | path or URL | conditions joined by &&",
    };

    /// <summary>Extra endpoints from a file.</summary>
    public static readonly PathInput EndpointsFile = new("endpoints-file", "JSON file with more extra checks: {\"endpoints\":[{\"name\",\"url\",\"conditions\":[...]}]}. A bad entry is named and skipped.");

    /// <summary>Latency beyond which a check is slow.</summary>
    public static readonly DurationInput SlowThreshold = new("slow-threshold", "A check answering slower than this is slow (degraded), unless it declares its own [RESPONSE_TIME] condition.", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(60));

    /// <summary>Per-attempt timeout.</summary>
    public static readonly DurationInput Timeout = new("timeout", "Timeout of one probe attempt (connect, headers and bounded body).", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60));

    /// <summary>Confirmation retries.</summary>
    public static readonly IntegerInput Retries = new("retries", "Extra attempts (exponential back-off with jitter) that must all fail before a check counts as failed.", 2, 0, 5);

    /// <summary>First back-off delay.</summary>
    public static readonly DurationInput RetryDelay = new("retry-delay", "First back-off delay between confirmation attempts (doubles each retry, with jitter).", TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromSeconds(30));

    /// <summary>Total time bound.</summary>
    public static readonly DurationInput Deadline = new("deadline", "Total time bound of the run (checks, Sentry, remediation and GitHub calls); keep it under the 10-minute schedule.", TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(9));

    /// <summary>Body read bound.</summary>
    public static readonly IntegerInput MaxBodyKiB = new("max-body-kib", "Most of a response body read per probe, in KiB; the rest is not read (and a [BODY] condition on a cut body fails, saying so).", 1024, 1, 16384);

    public static readonly UrlInput ControlUrl = new("control-url", "A URL outside production probed when every check is a transport error: if it is unreachable too, the runner's network is at fault and the status is unknown (never an incident).")
    {
        ComputedDefault = "GITHUB_SERVER_URL (https://github.com)",
        RefuseCredentials = true,
    };

    /// <summary>Sentry organization.</summary>
    public static readonly TextInput SentryOrg = new("sentry-org", "Sentry organization slug; with sentry-project and sentry-api-token it enables the error budget check.") { Env = "SENTRY_ORG" };

    public static readonly TextInput SentryProject = new("sentry-project", "Sentry project slug (or numeric id).") { Env = "SENTRY_PROJECT" };

    /// <summary>Sentry token.</summary>
    public static readonly TextInput SentryApiToken = new("sentry-api-token", "Sentry API token with org:read.") { Env = "SENTRY_API_TOKEN", Secret = true, Format = "a token" };

    /// <summary>Sentry server.</summary>
    public static readonly UrlInput SentryUrl = new("sentry-url", "Sentry server (self-hosted or sentry.io).") { Env = "SENTRY_URL", Default = "https://sentry.io", RefuseCredentials = true };

    /// <summary>Sentry window.</summary>
    public static readonly DurationInput SentryPeriod = new("sentry-period", "Window of the error budget query (Sentry statsPeriod).", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), TimeSpan.FromDays(14));

    public static readonly NumberInput ErrorBudget = new("error-budget", "Largest acceptable Sentry failure_rate() over sentry-period (0.05 = 5 %); above it the status is degraded.", 0.05, 0, 1);

    /// <summary>Remediation key.</summary>
    public static readonly TextInput AdminApiKey = new("admin-api-key", $"Enables auto-remediation: POST {Remediation.Remediator.ReloadConfigPath} with 'Authorization: Bearer <key>' when a check fails, then re-check.") { Env = "ADMIN_API_KEY", Secret = true, Format = "a key" };

    public static readonly DurationInput RemediationCooldown = new("remediation-cooldown", "Least time between two remediation attempts (recorded in the state file and the incident marker).", TimeSpan.FromMinutes(30), TimeSpan.Zero, TimeSpan.FromDays(1));

    public static readonly TextInput GithubToken = CommonInputs.GitHubToken("Token for the incident issues (needs issues: write).");

    /// <summary>Failures before an incident.</summary>
    public static readonly IntegerInput FailureThreshold = new("failure-threshold", "Failing runs in a row before an incident opens (1: the in-run confirmation suffices).", 1, 1, 50);

    /// <summary>Successes before closing.</summary>
    public static readonly IntegerInput SuccessThreshold = new("success-threshold", "Healthy runs in a row before the incident closes itself with a recovery comment.", 2, 1, 50);

    /// <summary>The state between runs.</summary>
    public static readonly PathInput StatePath = new("state-path", "State carried between runs (streaks, open incident, last remediation); persist it with actions/cache.") { Default = ".watchdog/state.json" };

    /// <summary>The result file.</summary>
    public static readonly PathInput ResultPath = new("result-path", "Where watchdog-result.json is written.") { Default = "watchdog-result.json" };

    public static readonly FlagInput DryRun = new("dry-run", "Check and report, and print the issue that would be opened, without calling GitHub, remediating or writing the state file.", false);

    /// <summary>Output: the status.</summary>
    public static readonly OutputDefinition StatusOutput = new("status", "ok, degraded, down, or unknown (nothing could be checked, or the run failed).") { OnError = "unknown" };

    /// <summary>Output: the incident.</summary>
    public static readonly OutputDefinition IncidentNumberOutput = new("incident-number", "Number of the open incident issue (empty when there is none).");

    /// <summary>Output: the result file.</summary>
    public static readonly OutputDefinition ResultPathOutput = new("result-path", "Path of watchdog-result.json, relative to the workspace.");

    /// <summary>The declaration.</summary>
    public static readonly ActionDefinition Definition = new()
    {
        Name = "watchdog",
        BriefSection = "§6",
        Description = "Check production (health, bookings, Sentry budget), remediate, and keep one incident issue, without false alarms.",
        Icon = "activity",
        Color = "red",
        Permissions = ["`issues: write` — finds, opens, comments on and closes the incident issue", "`contents: read` — only for the checkout a local `uses: ./actions/watchdog` needs"],
        SwitchOff = "dry-run: true checks and reports without touching issues or remediating; disable watchdog.yml to stop",
        Inputs =
        [
            TargetUrl, HealthEndpoint, BookingsEndpoint, Conditions, Endpoints, EndpointsFile, SlowThreshold, Timeout, Retries, RetryDelay,
            Deadline, MaxBodyKiB, ControlUrl, SentryOrg, SentryProject, SentryApiToken, SentryUrl, SentryPeriod, ErrorBudget, AdminApiKey,
            RemediationCooldown, GithubToken, FailureThreshold, SuccessThreshold, StatePath, ResultPath, DryRun,
        ],
        Outputs = [StatusOutput, IncidentNumberOutput, ResultPathOutput],
    };
}
