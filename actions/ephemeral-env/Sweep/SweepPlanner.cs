using Bookiji.Actions.EphemeralEnv.Database;

namespace Bookiji.Actions.EphemeralEnv.Sweep;

/// <summary>The pure sweep rule: remove an environment of this repository whose PR is closed or whose TTL has passed.</summary>
public static class SweepPlanner
{
    /// <summary>Decides for each owned schema. <paramref name="pullStates"/> maps PR number to open (true) / closed (false); absent means unknown.</summary>
    public static IReadOnlyList<SweepDecision> Plan(
        IReadOnlyList<OwnedSchema> owned, string? repository, DateTimeOffset now, TimeSpan ttl, IReadOnlyDictionary<int, bool> pullStates)
    {
        ArgumentNullException.ThrowIfNull(owned);
        ArgumentNullException.ThrowIfNull(pullStates);
        var decisions = new List<SweepDecision>(owned.Count);
        foreach (var (schema, marker) in owned)
        {
            if (repository is not null && marker.Repository is not null && marker.Repository != repository)
            {
                decisions.Add(new SweepDecision(schema, marker.AppEnv, false, $"belongs to {marker.Repository}"));
                continue;
            }

            var age = now - marker.CreatedAt;
            if (age > ttl)
            {
                decisions.Add(new SweepDecision(schema, marker.AppEnv, true, $"TTL passed (created {FormatAge(age)} ago, ttl {FormatAge(ttl)})"));
            }
            else if (marker.PullRequest is { } pr && pullStates.TryGetValue(pr, out var open) && !open)
            {
                decisions.Add(new SweepDecision(schema, marker.AppEnv, true, $"PR #{pr} is closed"));
            }
            else
            {
                var why = marker.PullRequest is { } number && !pullStates.ContainsKey(number) ? $"PR #{number} state unknown; within TTL" : "active";
                decisions.Add(new SweepDecision(schema, marker.AppEnv, false, why));
            }
        }

        return decisions;
    }

    private static string FormatAge(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{span.TotalDays:0.#}d" : span.TotalHours >= 1 ? $"{span.TotalHours:0.#}h" : $"{span.TotalMinutes:0}m";
}
