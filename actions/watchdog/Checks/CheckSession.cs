using System.Globalization;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>One run's checks: each pass in a log group, then the control URL when every check was a transport error.</summary>
internal sealed class CheckSession(RunContext run, CheckRunner runner)
{
    public async Task<CheckFindings> RunAsync(IReadOnlyList<CheckSpec> specs, string title, CancellationToken cancellationToken)
    {
        var core = run.Runtime.Core;
        core.StartGroup($"{title}: {specs.Count} endpoint(s), up to {1 + run.Inputs.Probe.Retries} attempt(s) each");
        try
        {
            var checks = await runner.RunAllAsync(specs, r => core.Info($"{r.Outcome,-4} {r.Name} {r.Endpoint} → {r.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no answer"} in {r.LatencyMs} ms, {r.Attempts} attempt(s){(r.Error is null ? string.Empty : " — " + r.Error)}"), cancellationToken);
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
}
