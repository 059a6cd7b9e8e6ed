using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Watchdog.Probes;

namespace Bookiji.Actions.Watchdog.Remediation;

/// <summary>Sends the config reload (brief §6's one remediation) once, without retries: it is not idempotent in general.</summary>
public static class Remediator
{
    /// <summary>The brief's remediation endpoint.</summary>
    public const string ReloadConfigPath = "/api/admin/reload-config";

    /// <summary>POSTs the reload with the key as a bearer token; the answer is recorded without the key.</summary>
    public static async Task<RemediationResult> ReloadConfigAsync(ProbeClient probes, UserUrl target, string key, ProbeSettings settings, string statusBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        var url = target.Join(ReloadConfigPath);
        var result = new RemediationResult { Attempted = true, Endpoint = url.ToString(), StatusBefore = statusBefore };
        try
        {
            var response = await Probe.SendAsync(probes, HttpMethod.Post, url, settings, key, cancellationToken);
            return result with { StatusCode = response.Status, Error = response.Error is { } error ? Probe.Describe(error, settings.Timeout) : null };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return result with { Error = Probe.DeadlineReached };
        }
    }
}
