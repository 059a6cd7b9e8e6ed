namespace Bookiji.Actions.PredictTests.Graph;

public sealed partial class ModuleResolver
{
    /// <summary>The first file an alias of <paramref name="scope"/> places <paramref name="specifier"/> at; sets <paramref name="aliased"/> when a prefix matches.</summary>
    private string? FirstAliasHit(Scope? scope, string specifier, ref bool aliased)
    {
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

            aliased = true;
            foreach (var target in targets)
            {
                if (Probe(Normalize(target.Replace("*", middle, StringComparison.Ordinal))) is { } hit)
                {
                    return hit;
                }
            }
        }

        return null;
    }
}
