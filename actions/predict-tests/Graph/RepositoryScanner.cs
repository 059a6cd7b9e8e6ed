using System.Collections.Concurrent;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>Builds the import graph of a tree whose files are read through a delegate (the work tree, or git blobs).</summary>
public static class RepositoryScanner
{
    /// <summary>Folders never scanned even when listed.</summary>
    private static readonly string[] SkippedSegments = ["node_modules/", "dist/", "build/", "coverage/", ".next/", "vendor/"];

    /// <summary>Scans every TS/JS file (in parallel) and resolves its imports.</summary>
    public static ImportGraph BuildGraph(IReadOnlyCollection<string> files, Func<string, string?> readText, IReadOnlyDictionary<string, IReadOnlyList<string>>? cache = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(readText);
        var fileSet = files as IReadOnlySet<string> ?? files.ToHashSet(StringComparer.Ordinal);
        var resolver = ModuleResolver.Load(fileSet, readText, IsConfigScanned);
        var specifiers = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Parallel.ForEach(files.Where(IsScanned), file =>
        {
            if (cache is not null && cache.TryGetValue(file, out var cached))
            {
                specifiers[file] = cached;
                return;
            }

            var text = readText(file);
            specifiers[file] = text is null ? [] : ImportScanner.Scan(text);
        });
        return ImportGraph.Build(specifiers, resolver).WithSetupFiles(SetupFiles.Find(files.Where(IsConfigScanned), readText, resolver));
    }

    /// <summary>Whether a file configures resolution or the test runners, and is read for that (outside node_modules, dist…).</summary>
    public static bool IsConfig(string file) => (ModuleResolver.IsConfig(file) || SetupFiles.IsRunnerConfig(file)) && IsConfigScanned(file);

    private static bool IsConfigScanned(string file) => !SkippedSegments.Any(s => file.StartsWith(s, StringComparison.Ordinal) || file.Contains("/" + s, StringComparison.Ordinal));

    /// <summary>Whether a file's imports are scanned.</summary>
    public static bool IsScanned(string file) =>
        ImportScanner.IsSource(file) && IsConfigScanned(file);
}
