namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>
/// Maps a path a test run wrote (absolute on another machine, inside a container, relative to a test folder) to a file of
/// this repository: a known root prefix is stripped, else the longest '/'-suffix that names exactly one repository file
/// wins. Paths through <c>node_modules</c> and suffixes of one segment (a bare <c>index.ts</c>) of an absolute path never
/// match: they would name a file of ours that the run never loaded.
/// </summary>
public sealed class RepositoryPaths
{
    private readonly HashSet<string> files;
    private readonly Dictionary<string, string?> suffixes = new(StringComparer.Ordinal); // null: more than one file ends so
    private readonly IReadOnlyList<string> roots;

    /// <summary>Indexes <paramref name="repositoryFiles"/>; <paramref name="roots"/> are absolute folders the runs may have used.</summary>
    public RepositoryPaths(IEnumerable<string> repositoryFiles, IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(repositoryFiles);
        files = repositoryFiles.ToHashSet(StringComparer.Ordinal);
        this.roots = [.. roots.Select(r => r.Replace('\\', '/').TrimEnd('/') + "/").Where(r => r.Length > 1).Distinct(StringComparer.Ordinal)];
        foreach (var file in files)
        {
            for (var slash = file.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = file.IndexOf('/', slash + 1))
            {
                var suffix = file[(slash + 1)..];
                suffixes[suffix] = suffixes.TryGetValue(suffix, out var other) && other != file ? null : file;
            }
        }
    }

    /// <summary>The repository file <paramref name="written"/> names, or null.</summary>
    public string? Find(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var path = written.Replace('\\', '/');
        if (path.Contains("/node_modules/", StringComparison.Ordinal) || path.StartsWith("node_modules/", StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        if (path.StartsWith("file://", StringComparison.Ordinal))
        {
            path = Uri.UnescapeDataString(path["file://".Length..]);
        }

        foreach (var root in roots)
        {
            if (path.StartsWith(root, StringComparison.Ordinal))
            {
                return Exact(path[root.Length..]);
            }
        }

        var absolute = path.StartsWith('/') || (path.Length > 2 && path[1] == ':');
        if (!absolute && Exact(path) is { } exact)
        {
            return exact;
        }

        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            var suffix = path[(slash + 1)..];
            if (files.Contains(suffix) && (suffix.Contains('/', StringComparison.Ordinal) || !absolute))
            {
                return suffix;
            }

            if (suffixes.TryGetValue(suffix, out var file) && (suffix.Contains('/', StringComparison.Ordinal) || !absolute))
            {
                return file;
            }
        }

        return null;
    }

    private string? Exact(string relative)
    {
        while (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative[2..];
        }

        return files.Contains(relative) ? relative : null;
    }
}
