using System.Text.RegularExpressions;

namespace Bookiji.Actions.PredictTests.Runners;

/// <summary>What one vitest or jest config says is a test, for the files under its folder: a file any of its rules takes.</summary>
/// <param name="Config">The config file.</param>
/// <param name="Directory">Its folder ("" for the root): patterns are relative to it.</param>
/// <param name="Rules">Its include/exclude pairs: its own, or one per vitest project.</param>
public sealed record RunnerScope(string Config, string Directory, IReadOnlyList<RunnerRule> Rules)
{
    /// <summary>A runner config this reader cannot take apart: it decides nothing, so the action's globs stand under it.</summary>
    public static RunnerScope DecidesNothing(string config, string directory) =>
        new(config, directory, [new RunnerRule([new Regex("^", RegexOptions.CultureInvariant)], false, [], false)]);

    /// <summary>Whether this config's runner runs <paramref name="file"/> (a repository path under <see cref="Directory"/>).</summary>
    public bool Runs(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var relative = Directory.Length == 0 ? file : file[(Directory.Length + 1)..];
        var rooted = "/" + file; // jest matches regexes against the absolute path
        return Rules.Any(r => r.Runs(relative, rooted));
    }
}
