namespace Bookiji.Actions.PredictTests.Graph;

public sealed partial class ModuleResolver
{
    /// <summary>
    /// Adds to <paramref name="hits"/> the file the longest matching alias of <paramref name="scope"/> places
    /// <paramref name="specifier"/> at or, with <paramref name="everyMatch"/>, the file of every matching alias;
    /// returns whether any alias prefix matched.
    /// </summary>
    private bool AddAliasHits(Scope? scope, string specifier, bool everyMatch, List<string> hits)
    {
        var matched = false;
        foreach (var (prefix, suffix, targets) in scope?.Aliases ?? [])
        {
            string? middle = suffix == Scope.Exact
                ? (specifier == prefix ? string.Empty : null)
                : specifier.StartsWith(prefix, StringComparison.Ordinal) && specifier.EndsWith(suffix, StringComparison.Ordinal) && specifier.Length >= prefix.Length + suffix.Length
                    ? specifier[prefix.Length..(specifier.Length - suffix.Length)]
                    : null;
            if (middle is null)
            {
                continue;
            }

            matched = true;
            if (targets.Select(t => Probe(Normalize(t.Replace("*", middle, StringComparison.Ordinal)))).FirstOrDefault(h => h is not null) is { } hit)
            {
                if (!hits.Contains(hit))
                {
                    hits.Add(hit);
                }

                if (!everyMatch)
                {
                    return true;
                }
            }
        }

        return matched;
    }
}
