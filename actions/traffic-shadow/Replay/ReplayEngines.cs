namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>Which engine a run uses.</summary>
public static class ReplayEngines
{
    /// <summary>
    /// <paramref name="chosen"/>, with <see cref="ReplayEngine.Auto"/> made concrete: the raw engine when every target
    /// is plain http:// (it keeps up with wrk where .NET's HTTP stack does not), else HttpClient (TLS).
    /// </summary>
    public static ReplayEngine Resolve(ReplayEngine chosen, Uri canary, Uri? baseline)
    {
        ArgumentNullException.ThrowIfNull(canary);
        if (chosen != ReplayEngine.Auto)
        {
            return chosen;
        }

        return canary.Scheme == Uri.UriSchemeHttp && (baseline is null || baseline.Scheme == Uri.UriSchemeHttp) ? ReplayEngine.Raw : ReplayEngine.HttpClient;
    }
}
