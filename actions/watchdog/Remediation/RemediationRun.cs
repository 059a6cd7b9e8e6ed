using System.Globalization;
using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Watchdog.Probes;
using Bookiji.Actions.Watchdog.Sentry;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog.Remediation;

/// <summary>The remediation's side effects: the config reload, then a re-check whose results become the run's.</summary>
internal static class RemediationRun
{
    public static async Task<(RemediationResult Result, CheckFindings Findings, WatchdogStatus Status, IReadOnlyList<string> Reasons)> RunAsync(
        RunContext run, ProbeClient probes, CheckSession checks, IReadOnlyList<CheckSpec> specs, string key, WatchdogStatus before, SentryBudget? budget, CancellationToken cancellationToken)
    {
        run.Runtime.Core.Info($"Status {StatusRules.Text(before)}: trying POST {Remediator.ReloadConfigPath}");
        var attempt = await Remediator.ReloadConfigAsync(probes, run.Inputs.Target, key, run.Inputs.Probe, StatusRules.Text(before), cancellationToken);
        if (attempt.Error is not null || attempt.StatusCode is not (>= 200 and < 300))
        {
            run.Warn($"Remediation: POST {Remediator.ReloadConfigPath} answered {attempt.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? attempt.Error}; re-checking anyway.");
        }

        var findings = await checks.RunAsync(specs, "Re-check after remediation", cancellationToken);
        var (status, reasons) = StatusRules.Decide(findings.Checks, budget, findings.ControlReachable);
        var result = attempt with { StatusAfter = StatusRules.Text(status), Helped = !StatusRules.IsFailing(status) && status != WatchdogStatus.Unknown };
        run.Runtime.Core.Info($"Remediation {(result.Helped == true ? "helped" : "did not help")}: {result.StatusBefore} → {result.StatusAfter}");
        return (result, findings, status, reasons);
    }
}
