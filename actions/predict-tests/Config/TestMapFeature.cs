namespace Bookiji.Actions.PredictTests.Config;

/// <summary>One feature of <c>tests/config/test-map.json</c>.</summary>
/// <param name="Name">The feature name.</param>
/// <param name="Paths">Globs of the source it covers; empty: paths naming the feature as a segment.</param>
/// <param name="Tests">Its test files.</param>
public sealed record TestMapFeature(string Name, IReadOnlyList<string> Paths, IReadOnlyList<string> Tests)
{
    private GlobSet? _globs;

    /// <summary>Why <paramref name="path"/> belongs to this feature, or <c>null</c> when it does not.</summary>
    public string? Explain(string path)
    {
        if (Paths.Count > 0)
        {
            _globs ??= new GlobSet(Paths);
            return _globs.FirstMatch(path) is { } glob ? $"test-map feature '{Name}' (paths {glob})" : null;
        }

        foreach (var segment in path.Split('/'))
        {
            var stem = segment.Contains('.', StringComparison.Ordinal) ? segment[..segment.IndexOf('.', StringComparison.Ordinal)] : segment;
            if (string.Equals(segment, Name, StringComparison.OrdinalIgnoreCase) || string.Equals(stem, Name, StringComparison.OrdinalIgnoreCase))
            {
                return $"test-map feature '{Name}' (path segment '{segment}')";
            }
        }

        return null;
    }
}

