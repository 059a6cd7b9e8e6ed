using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Runners;

/// <summary>One include/exclude pair of a runner config (the config's own, or one of its vitest projects').</summary>
/// <param name="Include">Globs (vitest <c>include</c>, jest <c>testMatch</c>) or, with <paramref name="IncludeIsRegex"/>, jest's <c>testRegex</c>.</param>
/// <param name="IncludeIsRegex">Whether <paramref name="Include"/> holds regexes matched anywhere in the path.</param>
/// <param name="Exclude">Globs (vitest <c>exclude</c>) or regexes (jest <c>testPathIgnorePatterns</c>, with <paramref name="ExcludeIsRegex"/>).</param>
/// <param name="ExcludeIsRegex">Whether <paramref name="Exclude"/> holds regexes matched anywhere in the path.</param>
public sealed record RunnerRule(IReadOnlyList<Regex> Include, bool IncludeIsRegex, IReadOnlyList<Regex> Exclude, bool ExcludeIsRegex)
{
    /// <summary>Whether the rule takes <paramref name="relative"/> (to the config's folder; <paramref name="rooted"/> is the repository path with a leading slash).</summary>
    public bool Runs(string relative, string rooted)
    {
        try
        {
            return Include.Any(r => r.IsMatch(IncludeIsRegex ? rooted : relative)) && !Exclude.Any(r => r.IsMatch(ExcludeIsRegex ? rooted : relative));
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // a user's pathological regex: in doubt, the file is a test
        }
    }
}
