using Microsoft.Extensions.FileSystemGlobbing;

namespace Bookiji.Actions.PredictTests.Config;

/// <summary>
/// A set of gitignore-like globs (<c>**</c>, <c>*</c>, <c>?</c>, and <c>{a,b}</c> lists, expanded first) matched
/// against repository-relative paths.
/// </summary>
public sealed class GlobSet
{
    private readonly Matcher _matcher = new(StringComparison.Ordinal);
    private readonly List<(string Pattern, Matcher Matcher)> _each = [];

    /// <summary>Creates the set from <paramref name="patterns"/> (blank entries ignored).</summary>
    public GlobSet(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Patterns = [.. patterns.Select(p => p.Trim()).Where(p => p.Length > 0)];
        foreach (var pattern in BraceExpansion.ExpandAll(Patterns))
        {
            _matcher.AddInclude(pattern);
            var single = new Matcher(StringComparison.Ordinal);
            single.AddInclude(pattern);
            _each.Add((pattern, single));
        }
    }

    public IReadOnlyList<string> Patterns { get; }

    /// <summary>The first pattern matching <paramref name="path"/>, or <c>null</c>.</summary>
    public string? FirstMatch(string path)
    {
        foreach (var (pattern, matcher) in _each)
        {
            if (matcher.Match(path).HasMatches)
            {
                return pattern;
            }
        }

        return null;
    }

    /// <summary>The paths any pattern matches, in one pass (much faster than one call per path).</summary>
    public HashSet<string> MatchAll(IEnumerable<string> paths)
    {
        if (Patterns.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var result = _matcher.Match("/", paths.Select(p => "/" + p));
        return result.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether any pattern matches <paramref name="path"/>.</summary>
    public bool IsMatch(string path) => Patterns.Count > 0 && _matcher.Match(path).HasMatches;
}
