using System.Collections.Concurrent;
using System.Globalization;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>The I/O edge of export mode: finds and reads every metrics file, in parallel, bounded, with progress.</summary>
public static class MetricsLoader
{
    /// <summary>The largest metrics file read (a run with a million latency samples still fits).</summary>
    public const long MaxFileBytes = 8L * 1024 * 1024;

    /// <summary>Files named one by one when over max-files; the rest are counted.</summary>
    public const int NotReadListed = 1_000;

    /// <summary>Progress is printed every this many files on long loads.</summary>
    public const int ProgressEvery = 5_000;

    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        MatchCasing = MatchCasing.CaseInsensitive,
        // Links could lead out of the workspace: metrics files are plain files in plain folders.
        AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
    };

    /// <summary>Reads every <c>*.json</c> under <paramref name="folder"/> (at most <paramref name="maxFiles"/>, newest first when over).</summary>
    public static async Task<MetricsLoad> LoadAsync(string folder, int maxFiles, ActionCore core, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(core);
        if (!Directory.Exists(folder))
        {
            return new MetricsLoad([], [], 0, 0, 0, FolderMissing: true);
        }

        var files = Directory.EnumerateFiles(folder, "*.json", Recursive).ToList();
        var found = files.Count;
        var issues = new ConcurrentBag<DataIssue>();
        var beyond = 0;
        if (files.Count > maxFiles)
        {
            var ordered = files.Select(f => (path: f, time: File.GetLastWriteTimeUtc(f)))
                .OrderByDescending(f => f.time).ThenBy(f => f.path, StringComparer.Ordinal).Select(f => f.path).ToList();
            files = ordered.Take(maxFiles).ToList();
            var skipped = ordered.Skip(maxFiles).ToList();
            foreach (var path in skipped.Take(NotReadListed))
            {
                issues.Add(new DataIssue(DataIssueKind.NotRead, Relative(folder, path), $"only the newest {maxFiles:N0} files (by modification time) are read"));
            }

            beyond = Math.Max(0, skipped.Count - NotReadListed);
            core.Info($"{found:N0} metrics files found; reading the newest {maxFiles:N0} (max-files).");
        }
        else
        {
            core.Info($"{found:N0} metrics files found.");
        }

        var runs = new CiRun?[files.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var name = Relative(folder, files[i]);
                var file = await JsonFile.ReadAsync(files[i], CiMetricsJsonContext.Default.CiMetricsFile, MaxFileBytes, token);
                if (file.Value is null)
                {
                    issues.Add(new DataIssue(DataIssueKind.Malformed, name, file.Problem ?? "could not be read"));
                }
                else
                {
                    var own = new List<DataIssue>();
                    runs[i] = MetricsValidator.Validate(name, file.Value, own);
                    own.ForEach(issues.Add);
                }

                var count = Interlocked.Increment(ref done);
                if (count % ProgressEvery == 0)
                {
                    core.Info(string.Create(CultureInfo.InvariantCulture, $"  read {count:N0} of {files.Count:N0} files…"));
                }
            });
        return new MetricsLoad([.. runs.OfType<CiRun>()], [.. issues], found, files.Count, beyond, FolderMissing: false);
    }

    /// <summary>A file as users see it: relative to the metrics folder, forward slashes.</summary>
    public static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');
}
