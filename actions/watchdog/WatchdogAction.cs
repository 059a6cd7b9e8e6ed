using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.Probes;
using Bookiji.Actions.Watchdog.Remediation;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog;

/// <summary>
/// Brief §6: checks production, decides ok/degraded/down/unknown, remediates with a config reload, and keeps one
/// incident issue in step with the streaks. Non-blocking: optional upstreams failing are warnings.
/// </summary>
public sealed partial class WatchdogAction : IAction
{
    /// <inheritdoc />
    public string Name => Definition.Name;

    /// <inheritdoc />
    public Core.Definition.ActionDefinition Definition => WatchdogDefinition.Definition;

    /// <inheritdoc />
    public async Task RunAsync(ActionRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var started = runtime.Time.GetTimestamp();
        var inputs = WatchdogInputs.Parse(runtime);
        var run = new RunContext(runtime, inputs);
        foreach (var notice in inputs.Notices)
        {
            run.Warn(notice);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(inputs.Deadline);

        // The checks may use the deadline minus a reserve, so the GitHub side always gets its turn.
        var reserve = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(90).Ticks, inputs.Deadline.Ticks / 3));
        using var checksDeadline = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        checksDeadline.CancelAfter(inputs.Deadline - reserve);

        using var probes = Probe.CreateClient(inputs.Probe, CheckRunner.MaxParallel, runtime.Time);
        var runner = new CheckRunner(probes, inputs.Probe);
        IReadOnlyList<CheckSpec> specs = [.. inputs.BuiltInChecks, .. inputs.ExtraChecks, .. await LoadEndpointsFileAsync(run, cancellationToken)];
        var findings = await CheckAsync(run, runner, specs, "Checks", checksDeadline.Token);
        var budget = inputs.Sentry is null ? null : await QuerySentryAsync(run, inputs.Sentry, checksDeadline.Token);
        var (status, reasons) = StatusRules.Decide(findings.Checks, budget, findings.ControlReachable);

        var fileState = await ReadStateAsync(run, cancellationToken);
        var github = inputs.DryRun ? GitHubSide.DryRun(fileState) : await FindIncidentAsync(run, fileState, deadline.Token);
        using var manager = github.Manager; // the run's GitHub client, released when the run ends
        var previous = WatchdogState.Newest(fileState, github.MarkerState);
        var now = runtime.Time.GetUtcNow();

        RemediationResult? remediation = null;
        var (remediate, skipped) = IncidentPlanner.ShouldRemediate(status, inputs.AdminApiKey is not null, inputs.DryRun, previous, inputs.RemediationCooldown, now);
        if (remediate && inputs.AdminApiKey is { } key)
        {
            (remediation, findings, status, reasons) = await RemediateAsync(run, probes, runner, specs, key, status, budget, checksDeadline.Token);
            previous = previous with { LastRemediationAt = now };
        }
        else if (skipped is not null)
        {
            remediation = new RemediationResult { Attempted = false, SkippedBecause = skipped, StatusBefore = StatusRules.Text(status) };
        }

        var facts = new IncidentFacts(
            StatusRules.Text(status), reasons, findings.Checks, budget, remediation, IsoTimestamp.Format(now),
            inputs.Target.Redacted, inputs.Health.Url.ToString(), runtime.GitHub.RunUrl, inputs.SuccessThreshold);
        var plan = IncidentPlanner.Plan(status, Signature(status, findings.Checks, budget), previous, github.OpenNumber, inputs.FailureThreshold, inputs.SuccessThreshold, now);
        var (incident, state, preview) = inputs.DryRun
            ? DryRunIncident(plan, facts)
            : await ApplyAsync(run, github, plan, facts, deadline.Token);
        if (!inputs.DryRun)
        {
            await WriteStateAsync(run, state, cancellationToken);
        }

        var result = new WatchdogResult
        {
            Status = StatusRules.Text(status),
            Reasons = reasons,
            Timestamp = facts.Timestamp,
            Target = inputs.Target.Redacted,
            Checks = findings.Checks,
            Control = findings.Control,
            ErrorBudget = budget,
            Remediation = remediation,
            Incident = incident,
            FailureStreak = state.FailureStreak,
            SuccessStreak = state.SuccessStreak,
            DryRun = inputs.DryRun,
            RunUrl = runtime.GitHub.RunUrl,
            DurationMs = (long)runtime.Time.GetElapsedTime(started).TotalMilliseconds,
            Warnings = run.Warnings,
        };
        await WatchdogReport.WriteAsync(runtime, inputs, result, plan, preview, cancellationToken);
    }

    /// <summary>What identifies an outage for "comment only when it changes": the status and what fails.</summary>
    internal static string Signature(WatchdogStatus status, IReadOnlyList<CheckResult> checks, Sentry.SentryBudget? budget) =>
        string.Join(
            ",",
            new[] { StatusRules.Text(status) }
                .Concat(checks.Where(c => c.Verdict != CheckOutcome.Pass).Select(c => $"{c.Name}:{c.Outcome}").Order(StringComparer.Ordinal))
                .Concat(budget is { Breached: true } ? ["sentry:breached"] : []));
}
