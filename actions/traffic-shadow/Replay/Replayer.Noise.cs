using Bookiji.Actions.Core.Http;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow.Replay;

public sealed partial class Replayer
{
    /// <summary>Sends each distinct safe request to the baseline twice and keeps the JSON paths that differ.</summary>
    private async Task<Dictionary<string, IReadOnlySet<string>>> LearnNoiseAsync(PreparedRequest[] prepared, ReplayOptions options, CancellationToken cancellationToken)
    {
        var learned = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var timeout = new ProbeDeadline(cancellationToken);
        foreach (var item in prepared.Where(p => p.BaselineUri is not null && RequestGuard.SafeMethods.Contains(p.Request.Method)).DistinctBy(p => p.Request.Path).Take(200))
        {
            var first = await SendAsync(item, baseline: true, default, options, null, timeout, cancellationToken);
            var second = await SendAsync(item, baseline: true, default, options, null, timeout, cancellationToken);
            if (first.Body is { OverLimit: false } a && second.Body is { OverLimit: false } b && first.Status == second.Status)
            {
                if (!learned.TryGetValue(item.Endpoint, out var paths))
                {
                    learned[item.Endpoint] = paths = new HashSet<string>(StringComparer.Ordinal);
                }

                paths.UnionWith(ResponseDiffer.DifferingPaths(a.Text, b.Text, options.IgnoreFields));
            }
        }

        return learned.Where(l => l.Value.Count > 0).ToDictionary(l => l.Key, l => (IReadOnlySet<string>)l.Value, StringComparer.Ordinal);
    }
}
