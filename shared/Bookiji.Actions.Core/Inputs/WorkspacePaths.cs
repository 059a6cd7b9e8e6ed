namespace Bookiji.Actions.Core.Inputs;

/// <summary>
/// Confines user-supplied paths to the workspace (and <c>RUNNER_TEMP</c>): <c>..</c> segments, absolute paths
/// and symbolic links are resolved first, so a path cannot reach a file outside them by any spelling.
/// </summary>
public static class WorkspacePaths
{
    private const int MaxLinkHops = 40;

    /// <summary>The workspace, absolute: <c>GITHUB_WORKSPACE</c>, else the current directory. Every reader of paths uses this one.</summary>
    public static string Root(Toolkit.ActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Path.GetFullPath(environment.GetNonEmpty("GITHUB_WORKSPACE") ?? Directory.GetCurrentDirectory());
    }

    /// <summary>
    /// The absolute path for <paramref name="path"/> (relative paths are taken from <paramref name="workspace"/>),
    /// or an error saying where it leads when that is outside every root.
    /// </summary>
    public static (string? FullPath, string? Error) Confine(string path, string workspace, IEnumerable<string?> otherRoots)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(workspace);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return (null, "must not contain a NUL character");
        }

        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(workspace, path));
        var real = RealPath(full);
        var roots = new[] { workspace }.Concat(otherRoots.OfType<string>().Where(r => r.Length > 0)).Select(r => RealPath(Path.GetFullPath(r)));
        return roots.Any(root => IsWithin(real, root))
            ? (full, null)
            : (null, $"must stay inside the workspace; '{path}' leads to {real}");
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it (both absolute, normalised).</summary>
    public static bool IsWithin(string path, string root)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        var trimmedRoot = root.Length > 1 ? root.TrimEnd(Path.DirectorySeparatorChar) : root;
        return path == trimmedRoot
            || path.StartsWith(trimmedRoot == "/" ? "/" : trimmedRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The path with every symbolic link along it resolved (parts that do not exist yet are kept as written).</summary>
    public static string RealPath(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var current = Path.GetPathRoot(fullPath) ?? "/";
        var parts = new Queue<string>(fullPath[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var hops = 0;
        while (parts.Count > 0)
        {
            var part = parts.Dequeue();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            FileSystemInfo info = new FileInfo(next);
            if (!info.Exists)
            {
                info = new DirectoryInfo(next);
            }

            if (info.Exists && info.LinkTarget is { } target && hops++ < MaxLinkHops)
            {
                // Resolve the link's target from its own folder, then walk the rest of the path from there.
                var targetPath = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                var remaining = parts.ToArray();
                current = Path.GetPathRoot(targetPath) ?? "/";
                parts = new Queue<string>(targetPath[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(remaining));
                continue;
            }

            current = next;
        }

        return current;
    }
}
