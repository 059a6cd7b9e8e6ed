using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Runners;

/// <summary>What one vitest or jest config says is a test, for the files under its folder.</summary>
/// <param name="Config">The config file.</param>
/// <param name="Directory">Its folder ("" for the root): patterns are relative to it.</param>
/// <param name="Include">Globs (vitest <c>include</c>, jest <c>testMatch</c>) or, with <paramref name="IncludeIsRegex"/>, jest's <c>testRegex</c>.</param>
/// <param name="IncludeIsRegex">Whether <paramref name="Include"/> holds regexes matched anywhere in the path.</param>
/// <param name="Exclude">Globs (vitest <c>exclude</c>) or regexes (jest <c>testPathIgnorePatterns</c>, with <paramref name="ExcludeIsRegex"/>).</param>
/// <param name="ExcludeIsRegex">Whether <paramref name="Exclude"/> holds regexes matched anywhere in the path.</param>
public sealed record RunnerScope(string Config, string Directory, IReadOnlyList<Regex> Include, bool IncludeIsRegex, IReadOnlyList<Regex> Exclude, bool ExcludeIsRegex)
{
    /// <summary>A runner config this reader cannot take apart: it decides nothing, so the action's globs stand under it.</summary>
    public static RunnerScope DecidesNothing(string config, string directory) =>
        new(config, directory, [new Regex("^", RegexOptions.CultureInvariant)], false, [], false);

    /// <summary>Whether this config's runner runs <paramref name="file"/> (a repository path under <see cref="Directory"/>).</summary>
    public bool Runs(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var relative = Directory.Length == 0 ? file : file[(Directory.Length + 1)..];
        var rooted = "/" + file; // jest matches regexes against the absolute path
        var included = Include.Any(r => IncludeIsRegex ? r.IsMatch(rooted) : r.IsMatch(relative));
        var excluded = Exclude.Any(r => ExcludeIsRegex ? r.IsMatch(rooted) : r.IsMatch(relative));
        return included && !excluded;
    }
}
