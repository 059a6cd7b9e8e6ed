using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Probes;
using Bookiji.Actions.Watchdog.Remediation;
using Bookiji.Actions.Watchdog.Sentry;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog;

public sealed partial class WatchdogAction
{
    private const long MaxEndpointsFileBytes = 1024 * 1024;

    /// <summary>Extra endpoints from the file: a bad entry is named and skipped, a bad file is a warning.</summary>
    private static async Task<IReadOnlyList<CheckSpec>> LoadEndpointsFileAsync(RunContext run, CancellationToken cancellationToken)
    {
        if (run.Inputs.EndpointsFile is not { } path)
        {
            return [];
        }

        var file = await JsonFile.ReadAsync(path, WatchdogJsonContext.Default.EndpointsFile, MaxEndpointsFileBytes, cancellationToken);
        if (file.Value?.Endpoints is not { } declarations)
        {
            run.Warn(file.Message ?? $"{run.Runtime.RelativeToWorkspace(path)} has no 'endpoints' array; its checks are skipped.");
            return [];
        }

        var specs = new List<CheckSpec>();
        foreach (var (declaration, index) in declarations.Select((d, i) => (d, i)))
        {
            var (spec, error) = CheckPlan.Build(declaration, run.Inputs.Target, run.Inputs.SlowThreshold);
            if (spec is null)
            {
                run.Warn($"{run.Runtime.RelativeToWorkspace(path)}: endpoints[{index}] skipped: {error}.");
            }
            else if (specs.Count + run.Inputs.ExtraChecks.Count >= CheckPlan.MaxExtraEndpoints)
            {
                run.Warn($"{run.Runtime.RelativeToWorkspace(path)}: only the first {CheckPlan.MaxExtraEndpoints} extra endpoints are checked; {declarations.Count - index} more skipped.");
                break;
            }
            else
            {
                specs.Add(spec);
            }
        }

        return specs;
    }

    /// <summary>Runs the checks (in a log group), then the control URL when every check was a transport error.</summary>
    private static async Task<CheckFindings> CheckAsync(RunContext run, CheckRunner runner, IReadOnlyList<CheckSpec> specs, string title, CancellationToken cancellationToken)
    {
        var core = run.Runtime.Core;
        core.StartGroup($"{title}: {specs.Count} endpoint(s), up to {1 + run.Inputs.Probe.Retries} attempt(s) each");
        try
        {
            var checks = await runner.RunAllAsync(specs, r => core.Info($"{r.Outcome,-4} {r.Name} {r.Endpoint} → {r.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"} in {r.LatencyMs} ms, {r.Attempts} attempt(s){(r.Error is null ? string.Empty : " — " + r.Error)}"), cancellationToken);
            if (checks.Count == 0 || !checks.All(c => c.IsTransportError))
            {
                return new CheckFindings(checks, null, null);
            }

            // Every probe failed without an answer: is it production, or the runner's network?
            var control = await runner.RunAsync(new CheckSpec("control", CheckKind.Extra, run.Inputs.ControlUrl, []), cancellationToken);
            core.Info($"control {control.Endpoint} → {(control.IsTransportError ? control.Error : "reachable")}");
            return new CheckFindings(checks, control, !control.IsTransportError);
        }
        finally
        {
            core.EndGroup();
        }
    }

    private static async Task<SentryBudget> QuerySentryAsync(RunContext run, SentrySettings settings, CancellationToken cancellationToken)
    {
        // Retry back-off waits in real time; the injected clock stamps results.
        using var http = ApiClient.Create(TimeProvider.System);
        var budget = await SentryClient.QueryAsync(http, settings, cancellationToken);
        if (budget.Problem is { } problem)
        {
            run.Warn($"Error budget not checked: {problem}. The status is decided without it.");
        }
        else
        {
            run.Runtime.Core.Info(FormattableString.Invariant($"Sentry: failure rate {budget.FailureRate:P2} over {budget.Period} ({budget.Count} transactions), budget {budget.Budget:P2}: {budget.State}"));
        }

        return budget;
    }

    /// <summary>Reloads the config, then re-checks everything; the re-check's results are the run's.</summary>
    private static async Task<(RemediationResult, CheckFindings, WatchdogStatus, IReadOnlyList<string>)> RemediateAsync(
        RunContext run, ProbeClient probes, CheckRunner runner, IReadOnlyList<CheckSpec> specs, string key, WatchdogStatus before, SentryBudget? budget, CancellationToken cancellationToken)
    {
        run.Runtime.Core.Info($"Status {StatusRules.Text(before)}: trying POST {Remediator.ReloadConfigPath}");
        var attempt = await Remediator.ReloadConfigAsync(probes, run.Inputs.Target, key, run.Inputs.Probe, StatusRules.Text(before), cancellationToken);
        if (attempt.Error is not null || attempt.StatusCode is not (>= 200 and < 300))
        {
            run.Warn($"Remediation: POST {Remediator.ReloadConfigPath} answered {attempt.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? attempt.Error}; re-checking anyway.");
        }

        var findings = await CheckAsync(run, runner, specs, "Re-check after remediation", cancellationToken);
        var (status, reasons) = StatusRules.Decide(findings.Checks, budget, findings.ControlReachable);
        var result = attempt with { StatusAfter = StatusRules.Text(status), Helped = !StatusRules.IsFailing(status) && status != WatchdogStatus.Unknown };
        run.Runtime.Core.Info($"Remediation {(result.Helped == true ? "helped" : "did not help")}: {result.StatusBefore} → {result.StatusAfter}");
        return (result, findings, status, reasons);
    }
}
