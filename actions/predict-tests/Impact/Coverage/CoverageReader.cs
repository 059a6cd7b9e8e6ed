using System.Collections.Concurrent;
using System.Text.Json;

namespace Bookiji.Actions.PredictTests.Impact.Coverage;

/// <summary>
/// Learn mode's reading phase: every <c>&lt;coverage-dir&gt;/&lt;test file&gt;/coverage-final.json</c>, in parallel, bounded per
/// file and in sum. A folder that names no test of the repository, a report over the bounds, or one that is not Istanbul
/// JSON is skipped and said; a source path no repository file matches (node_modules, build output, another machine's
/// temp folder) is dropped and counted.
/// </summary>
public static class CoverageReader
{
    /// <summary>The coverage file's name in each test's folder.</summary>
    public const string FileName = "coverage-final.json";

    /// <summary>The largest coverage file read.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The most bytes read over all coverage files.</summary>
    public const long MaxTotalBytes = 16L * 1024 * 1024 * 1024;

    /// <summary>The most coverage files read.</summary>
    public const int MaxFiles = 50_000;

    /// <summary>
    /// Each test's executions and what was skipped; <paramref name="progress"/> hears every 100 files. A folder must name a
    /// repository file; what a test executed of a test file (<paramref name="tests"/> or a folder's own test) is not kept.
    /// </summary>
    public static async Task<(IReadOnlyList<TestExecution> Executions, IReadOnlyList<string> Notes)> ReadAsync(
        string coverageDir, IReadOnlySet<string> repositoryFiles, IReadOnlySet<string> tests, RepositoryPaths paths, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repositoryFiles);
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(paths);
        var notes = new List<string>();
        var found = Directory.Exists(coverageDir)
            ? Directory.EnumerateFiles(coverageDir, FileName, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
                .Order(StringComparer.Ordinal).Take(MaxFiles + 1).ToList()
            : [];
        if (found.Count > MaxFiles)
        {
            notes.Add($"More than {MaxFiles:N0} coverage files: only the first {MaxFiles:N0} (by path) were read.");
            found.RemoveAt(found.Count - 1);
        }

        var candidates = new List<(string File, string Test)>();
        var unknownTests = new List<string>();
        foreach (var file in found)
        {
            var test = Path.GetRelativePath(coverageDir, Path.GetDirectoryName(file)!).Replace('\\', '/');
            if (repositoryFiles.Contains(test))
            {
                candidates.Add((file, test));
            }
            else
            {
                unknownTests.Add(test);
            }
        }

        if (unknownTests.Count > 0)
        {
            notes.Add($"{unknownTests.Count} coverage folder(s) name no test file of the repository (e.g. {unknownTests[0]}); they are skipped. The layout is <coverage-dir>/<test file path>/{FileName}.");
        }

        var testSet = tests.Concat(candidates.Select(c => c.Test)).ToHashSet(StringComparer.Ordinal);
        long total = 0;
        var results = new ConcurrentBag<TestExecution>();
        var problems = new ConcurrentBag<string>();
        long dropped = 0;
        var done = 0;
        var budgetCut = 0;
        await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (candidate, token) =>
        {
            var length = new FileInfo(candidate.File).Length;
            if (length > MaxFileBytes)
            {
                problems.Add($"{candidate.Test}: its coverage file is {length:N0} bytes, over {MaxFileBytes:N0}");
            }
            else if (Interlocked.Add(ref total, length) > MaxTotalBytes)
            {
                Interlocked.Increment(ref budgetCut);
            }
            else
            {
                try
                {
                    await using var stream = File.OpenRead(candidate.File);
                    var report = await JsonSerializer.DeserializeAsync(stream, CoverageJsonContext.Default.DictionaryStringIstanbulFileCoverage, token);
                    var files = new Dictionary<string, FileExecution>(StringComparer.Ordinal);
                    foreach (var (key, coverage) in report ?? [])
                    {
                        if (coverage is null || paths.Find(coverage.Path ?? key) is not { } source || testSet.Contains(source))
                        {
                            Interlocked.Increment(ref dropped);
                            continue;
                        }

                        files[source] = FileExecution.From(coverage);
                    }

                    results.Add(new TestExecution(candidate.Test, files));
                }
                catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
                {
                    problems.Add($"{candidate.Test}: {ex.Message}");
                }
            }

            var count = Interlocked.Increment(ref done);
            if (count % 100 == 0 || count == candidates.Count)
            {
                progress?.Invoke(count, candidates.Count);
            }
        });

        if (!problems.IsEmpty)
        {
            var list = problems.Order(StringComparer.Ordinal).ToList();
            notes.Add($"{list.Count} coverage file(s) could not be read and their tests have no record (e.g. {list[0]}).");
        }

        if (budgetCut > 0)
        {
            notes.Add($"{budgetCut} coverage file(s) were not read: the {MaxTotalBytes / (1024 * 1024 * 1024)} GiB total was reached.");
        }

        if (dropped > 0)
        {
            notes.Add($"{dropped:N0} covered path(s) name no source file of the repository (node_modules, build output, tests themselves) and were dropped.");
        }

        return ([.. results.OrderBy(r => r.Test, StringComparer.Ordinal)], notes);
    }
}
