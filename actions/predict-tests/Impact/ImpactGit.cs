using System.Text;
using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Evaluate;
using Bookiji.Actions.PredictTests.Impact.Diff;

namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>
/// The git half of planning with impact data: the change's hunks (base → head), each file's blob at the base against the
/// analysed one, the drift diff (analysed → base) of the files that moved on, and the data's age in commits. Every
/// failure leaves that file without lines or drift, and the selector falls back for it; nothing here throws at the plan.
/// </summary>
public static class ImpactGit
{
    /// <summary>Paths per git call (command lines stay short).</summary>
    private const int Batch = 400;

    /// <summary>What the planner needs for <paramref name="paths"/> (modified source files).</summary>
    public static async Task<ImpactPlanInput> PrepareAsync(GitRepository git, ImpactIndex index, string? baseRevision, string head, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(paths);
        var known = paths.Where(p => index.File(p) is not null).Distinct(StringComparer.Ordinal).ToList();
        if (baseRevision is null || known.Count == 0)
        {
            return new ImpactPlanInput(index, new Dictionary<string, FileChange>(StringComparer.Ordinal)) { Base = baseRevision };
        }

        var hunks = await DiffAsync(git, baseRevision, head, known, cancellationToken);
        var blobs = await BlobsAsync(git, baseRevision, known, cancellationToken);
        var analysed = index.Data.Commit;
        var present = await git.ResolveAsync(analysed, cancellationToken) is not null || await FetchAsync(git, analysed, cancellationToken);
        var drifted = known.Where(p => blobs.GetValueOrDefault(p) != index.File(p)!.Blob).ToHashSet(StringComparer.Ordinal);
        var drift = !present ? null : drifted.Count > 0 ? await DiffAsync(git, analysed, baseRevision, [.. drifted], cancellationToken) : [];
        var imports = await ImportsAsync(git, baseRevision, head, [.. known.Where(p => hunks.GetValueOrDefault(p) is { Count: > 0 })], cancellationToken);
        var changes = Assemble(known, hunks, drifted, drift, imports);

        int? age = present && int.TryParse(await git.TextAsync(["rev-list", "--count", "--end-of-options", $"{analysed}..{baseRevision}"], cancellationToken), out var n) ? n : null;
        return new ImpactPlanInput(index, changes) { AgeCommits = age, Base = baseRevision };
    }

    /// <summary>
    /// Each known file's change: its hunks, and the identity map when it is as analysed, the drift diff's map when it moved
    /// on, or no map when the drift is unknown (<paramref name="drift"/> null: the analysed commit is not in the clone).
    /// </summary>
    public static Dictionary<string, FileChange> Assemble(IEnumerable<string> known, IReadOnlyDictionary<string, IReadOnlyList<DiffHunk>?> hunks, IReadOnlySet<string> drifted, IReadOnlyDictionary<string, IReadOnlyList<DiffHunk>?>? drift,
        IReadOnlyDictionary<string, ImportSpans>? imports = null)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(hunks);
        ArgumentNullException.ThrowIfNull(drifted);
        var changes = new Dictionary<string, FileChange>(StringComparer.Ordinal);
        foreach (var path in known)
        {
            var moved = drifted.Contains(path);
            var map = !moved ? LineMap.Identity : drift is not null && drift.TryGetValue(path, out var d) && d is not null ? new LineMap(d) : null;
            changes[path] = new FileChange(path, hunks.GetValueOrDefault(path), map) { Drifted = moved, Imports = imports?.GetValueOrDefault(path) };
        }

        return changes;
    }

    /// <summary>How long fetching the analysed commit into a shallow clone may take.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Fetches the analysed commit (depth 1: a diff needs only its tree) when the clone lacks it, within <see cref="FetchTimeout"/>;
    /// false when there is no origin, the fetch fails or it takes too long.
    /// </summary>
    private static async Task<bool> FetchAsync(GitRepository git, string commit, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(FetchTimeout);
        try
        {
            return await git.FetchAsync(commit, bound.Token) && await git.ResolveAsync(commit, cancellationToken) is not null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Old path → hunks of <c>from → to</c> for the paths; a path git could not diff is absent.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<DiffHunk>?>> DiffAsync(GitRepository git, string from, string to, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        var all = new Dictionary<string, IReadOnlyList<DiffHunk>?>(StringComparer.Ordinal);
        foreach (var chunk in paths.Chunk(Batch))
        {
            var (code, output, _) = await git.RunAsync(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "--no-prefix", "--end-of-options", from, to, "--", .. chunk.Select(Literal)], cancellationToken);
            if (code != 0)
            {
                continue;
            }

            foreach (var (path, hunks) in UnifiedDiff.Parse(Encoding.UTF8.GetString(output)))
            {
                all[path] = hunks;
            }

            // A path with no diff output is unchanged between the two: no hunks.
            foreach (var path in chunk.Where(p => !all.ContainsKey(p)))
            {
                all[path] = [];
            }
        }

        return all;
    }

    /// <summary>
    /// Path → the import lines of both versions, for the paths whose change <paramref name="from"/> → <paramref name="to"/>
    /// only rebinds imported names (<see cref="ImportStatements.Rebinding"/>); a file larger than the lexer reads, or one git
    /// could not give, is absent (its import lines are then code like any other).
    /// </summary>
    public static async Task<Dictionary<string, ImportSpans>> ImportsAsync(GitRepository git, string from, string to, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(paths);
        var spans = new Dictionary<string, ImportSpans>(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            return spans;
        }

        var before = await BlobsAsync(git, from, paths, cancellationToken, ImportStatements.MaxChars);
        var after = await BlobsAsync(git, to, paths, cancellationToken, ImportStatements.MaxChars);
        var texts = await new GitObjects(git).BlobsAsync([.. before.Values.Concat(after.Values).Distinct(StringComparer.Ordinal)], cancellationToken);
        foreach (var path in paths)
        {
            if (before.TryGetValue(path, out var b) && after.TryGetValue(path, out var a)
                && ImportStatements.Rebinding(texts.GetValueOrDefault(b), texts.GetValueOrDefault(a)) is { } found)
            {
                spans[path] = found;
            }
        }

        return spans;
    }

    /// <summary>Path → blob SHA at <paramref name="revision"/>; with <paramref name="maxBytes"/>, only blobs at most that large.</summary>
    private static async Task<Dictionary<string, string>> BlobsAsync(GitRepository git, string revision, IReadOnlyList<string> paths, CancellationToken cancellationToken, long? maxBytes = null)
    {
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in paths.Chunk(Batch))
        {
            var (code, output, _) = await git.RunAsync(["ls-tree", "-z", "-l", "--full-tree", "--end-of-options", revision, "--", .. chunk], cancellationToken);
            if (code != 0)
            {
                continue;
            }

            foreach (var entry in Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                // "<mode> blob <sha> <size>\t<path>" (the size padded with spaces)
                var tab = entry.IndexOf('\t', StringComparison.Ordinal);
                var parts = tab < 0 ? [] : entry[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 4 && parts[1] == "blob" && (maxBytes is null || (long.TryParse(parts[3], out var size) && size <= maxBytes)))
                {
                    blobs[entry[(tab + 1)..]] = parts[2];
                }
            }
        }

        return blobs;
    }

    /// <summary>A pathspec that matches the path only (no glob or magic in a file name).</summary>
    private static string Literal(string path) => ":(literal)" + path;
}
