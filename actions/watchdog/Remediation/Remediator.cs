using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Watchdog.Probes;

namespace Bookiji.Actions.Watchdog.Remediation;

/// <summary>Sends the config reload (brief §6's one remediation) once, without retries: it is not idempotent in general.</summary>
public static class Remediator
{
    /// <summary>The brief's remediation endpoint.</summary>
    public const string ReloadConfigPath = "/api/admin/reload-config";

    /// <summary>POSTs the reload with the key as a bearer token; the answer is recorded without the key.</summary>
    public static async Task<RemediationResult> ReloadConfigAsync(IProbeClient probes, UserUrl target, string key, ProbeSettings settings, string statusBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        var url = target.Join(ReloadConfigPath);
        var response = await probes.SendAsync(new ProbeRequest(HttpMethod.Post, url, settings.Timeout, 64 * 1024, key), cancellationToken);
        return new RemediationResult
        {
            Attempted = true,
            Endpoint = url.ToString(),
            StatusCode = response.StatusCode,
            Error = response.IsTransportError ? $"{response.ErrorKind?.ToString().ToLowerInvariant()}: {response.ErrorMessage}" : null,
            StatusBefore = statusBefore,
        };
    }
}
