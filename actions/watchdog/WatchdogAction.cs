using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.Probes;
using Bookiji.Actions.Watchdog.Remediation;
using Bookiji.Actions.Watchdog.Sentry;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog;

/// <summary>
/// Brief §6: checks production, decides ok/degraded/down/unknown, remediates with a config reload, and keeps one
/// incident issue in step with the streaks. Non-blocking: optional upstreams failing are warnings.
/// </summary>
/// <remarks>
/// One way through: read (checks, Sentry, state file, GitHub's incidents) → decide (pure: status, remediation) →
/// remediate and re-check when decided (its re-check is the evidence the incident plan needs) → plan the incident
/// calls (pure) → make them → write the state and the report.
/// </remarks>
public sealed class WatchdogAction : IAction
{
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
        var checks = new CheckSession(run, new CheckRunner(probes, inputs.Probe));
        using var github = inputs.DryRun ? null : OpenGitHub(run);

        // Read.
        var seen = await ReadAsync(run, checks, github, checksDeadline.Token, deadline.Token, cancellationToken);
        var now = runtime.Time.GetUtcNow();

        // Decide.
        var selection = IncidentSelection.From(seen.GitHub, seen.FileState, now);
        WarnAbout(run, seen.GitHub, selection);
        var previous = WatchdogState.Newest(seen.FileState, selection.MarkerState);
        var findings = seen.Findings;
        var (status, reasons) = StatusRules.Decide(findings.Checks, seen.Budget, findings.ControlReachable);
        var (remediate, skipped) = IncidentPlanner.ShouldRemediate(status, inputs.AdminApiKey is not null, inputs.DryRun, previous, inputs.RemediationCooldown, now);

        // Remediate: the reload's re-check replaces the findings the incident is planned on.
        RemediationResult? remediation = null;
        if (remediate && inputs.AdminApiKey is { } key)
        {
            (remediation, findings, status, reasons) = await RemediationRun.RunAsync(run, probes, checks, seen.Specs, key, status, seen.Budget, checksDeadline.Token);
            previous = previous with { LastRemediationAt = now };
        }
        else if (skipped is not null)
        {
            remediation = new RemediationResult { Attempted = false, SkippedBecause = skipped, StatusBefore = StatusRules.Text(status) };
        }

        // Plan the incident.
        var facts = new IncidentFacts(
            StatusRules.Text(status), reasons, findings.Checks, seen.Budget, remediation, IsoTimestamp.Format(now),
            inputs.Target.Redacted, inputs.Health.Url.ToString(), runtime.GitHub.RunUrl, inputs.SuccessThreshold);
        var plan = IncidentPlanner.Plan(status, IncidentPlanner.Signature(status, findings.Checks, seen.Budget), previous, selection.OpenNumber, inputs.FailureThreshold, inputs.SuccessThreshold, now);
        var steps = IncidentScript.Build(selection, plan, facts);
        runtime.Core.Info($"Incident: {plan.Explanation}");

        // Execute.
        var (incident, state) = inputs.DryRun ? IncidentRecords.DryRun(plan)
            : github is null || !seen.GitHub.Asked ? IncidentRecords.Unavailable(plan, selection, seen.GitHub.Problem)
            : IncidentRecords.From(plan, selection, await IncidentExecutor.ExecuteAsync(github, steps, plan, facts, runtime.Core.Info, deadline.Token));
        if (incident.Problem is { } problem && seen.GitHub.Asked)
        {
            run.Warn($"Incident issue ({plan.Action}) failed: {problem}");
        }

        if (!inputs.DryRun)
        {
            await StateFile.WriteAsync(run, state, cancellationToken);
        }

        // Report.
        var result = new WatchdogResult
        {
            Status = StatusRules.Text(status),
            Reasons = reasons,
            Timestamp = facts.Timestamp,
            Target = inputs.Target.Redacted,
            Checks = findings.Checks,
            Control = findings.Control,
            ErrorBudget = seen.Budget,
            Remediation = remediation,
            Incident = incident,
            FailureStreak = state.FailureStreak,
            SuccessStreak = state.SuccessStreak,
            DryRun = inputs.DryRun,
            RunUrl = runtime.GitHub.RunUrl,
            DurationMs = (long)runtime.Time.GetElapsedTime(started).TotalMilliseconds,
            Warnings = run.Warnings,
        };
        await WatchdogReport.WriteAsync(runtime, inputs, result, plan, inputs.DryRun ? IncidentScript.Preview(plan, facts) : null, cancellationToken);
    }

    private static async Task<WatchdogObservation> ReadAsync(
        RunContext run, CheckSession checks, IncidentManager? github, CancellationToken checksDeadline, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var inputs = run.Inputs;
        IReadOnlyList<CheckSpec> specs = [.. inputs.BuiltInChecks, .. inputs.ExtraChecks, .. await EndpointsFileReader.ReadAsync(run, cancellationToken)];
        var findings = await checks.RunAsync(specs, "Checks", checksDeadline);
        var budget = inputs.Sentry is null ? null : await BudgetQuery.QueryAsync(run, inputs.Sentry, checksDeadline);
        var fileState = await StateFile.ReadAsync(run, cancellationToken);
        var view = inputs.DryRun ? GitHubView.NotAsked
            : github is null ? GitHubView.Unavailable(NoGitHubReason(run))
            : await GitHubReader.ReadAsync(github, deadline);
        return new WatchdogObservation(specs, findings, budget, fileState, view);
    }

    /// <summary>The run's GitHub client; null (with a warning) without a token or a repository.</summary>
    private static IncidentManager? OpenGitHub(RunContext run)
    {
        if (run.Inputs.GithubToken is { } token && run.Runtime.GitHub.Repository is { } repository)
        {
            return new IncidentManager(run.Runtime.GitHub, repository, token);
        }

        run.Warn($"Incident issues are skipped: {NoGitHubReason(run)}.");
        return null;
    }

    private static string NoGitHubReason(RunContext run) => run.Inputs.GithubToken is null ? "no github-token" : "GITHUB_REPOSITORY is not set";

    private static void WarnAbout(RunContext run, GitHubView view, IncidentSelection selection)
    {
        if (view is { Asked: false, Problem: { } problem } && run.Inputs.GithubToken is not null && run.Runtime.GitHub.Repository is not null)
        {
            run.Warn($"Looking up the open incident failed: {problem}");
        }

        if (selection.Ignored.Count > 0)
        {
            // Only incidents this action's token opened count: an issue anyone else labels is not one of ours.
            run.Warn($"Ignoring {selection.Ignored.Count} open issue(s) labelled as incidents but not opened by this token ({string.Join(", ", selection.Ignored.Take(10).Select(n => "#" + n))}).");
        }

        if (selection.MarkerIgnored && selection.Kept is { } kept)
        {
            run.Warn($"The state marker of incident #{kept.Number} holds values this action never writes (streaks, numbers or times); it was ignored.");
        }
    }
}
