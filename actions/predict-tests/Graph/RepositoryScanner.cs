using System.Collections.Concurrent;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>Builds the import graph of a tree whose files are read through a delegate (the work tree, or git blobs).</summary>
public static class RepositoryScanner
{
    /// <summary>Folders never scanned even when listed.</summary>
    private static readonly string[] SkippedSegments = ["node_modules/", "dist/", "build/", "coverage/", ".next/", "vendor/"];

    /// <summary>The same folders below the root (built once: this runs for every listed file).</summary>
    private static readonly string[] NestedSkippedSegments = [.. SkippedSegments.Select(s => "/" + s)];

    /// <summary>Scans every TS/JS file (in parallel) and resolves its imports, tracing names through barrels when <paramref name="traceReExports"/>.</summary>
    public static ImportGraph BuildGraph(IReadOnlyCollection<string> files, Func<string, string?> readText, bool traceReExports = true, IReadOnlyDictionary<string, ModuleFacts>? cache = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(readText);
        var fileSet = files as IReadOnlySet<string> ?? files.ToHashSet(StringComparer.Ordinal);
        var resolver = ModuleResolver.Load(fileSet, readText, IsConfigScanned);
        var facts = new ConcurrentDictionary<string, ModuleFacts>(StringComparer.Ordinal);
        Parallel.ForEach(files.Where(IsScanned), file =>
        {
            if (cache is not null && cache.TryGetValue(file, out var cached))
            {
                facts[file] = cached;
                return;
            }

            var text = readText(file);
            facts[file] = text is null ? ModuleFacts.Whole([]) : ModuleAnalyzer.Analyze(text, file);
        });
        return ImportGraph.Build(facts, resolver, traceReExports).WithSetupFiles(SetupFiles.Find(files.Where(IsConfigScanned), readText, resolver));
    }

    /// <summary>Whether a file configures resolution or the test runners, and is read for that (outside node_modules, dist…).</summary>
    public static bool IsConfig(string file) => (ModuleResolver.IsConfig(file) || SetupFiles.IsRunnerConfig(file)) && IsConfigScanned(file);

    private static bool IsConfigScanned(string file)
    {
        for (var i = 0; i < SkippedSegments.Length; i++)
        {
            if (file.StartsWith(SkippedSegments[i], StringComparison.Ordinal) || file.Contains(NestedSkippedSegments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a file's imports are scanned.</summary>
    public static bool IsScanned(string file) =>
        ImportScanner.IsSource(file) && IsConfigScanned(file);
}
