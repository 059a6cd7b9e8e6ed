using Bookiji.Actions.PredictTests.Impact.Results;

namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>
/// The pure half of learn mode: per-test executions, blobs and outcomes → <see cref="ImpactData"/>. A file's function
/// table is the union of what every report knew of it; a file executed identically by many tests (loaded at import,
/// never called) is stored once. Output is sorted, so the same inputs give the same bytes.
/// </summary>
public static class ImpactLearner
{
    /// <summary>Builds the data.</summary>
    /// <param name="executions">One entry per test file that has a coverage file.</param>
    /// <param name="blobs">Git blob SHA of each executed source file at <paramref name="commit"/>; a file missing here is left out (and said).</param>
    /// <param name="outcomes">How each test file ended in this run.</param>
    /// <param name="previous">The last data, whose outcomes this run extends; null on the first run.</param>
    /// <param name="commit">The analysed commit.</param>
    /// <param name="now">When.</param>
    /// <param name="window">How many outcomes each test keeps.</param>
    /// <param name="notes">What the reading phase cut or skipped.</param>
    public static ImpactData Learn(IReadOnlyList<TestExecution> executions, IReadOnlyDictionary<string, string> blobs, IReadOnlyDictionary<string, TestOutcome> outcomes,
        ImpactData? previous, string commit, DateTimeOffset now, int window, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(outcomes);
        var allNotes = new List<string>(notes);
        var sourcePaths = executions.SelectMany(e => e.Files.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var missingBlob = sourcePaths.Where(p => !blobs.ContainsKey(p)).ToList();
        if (missingBlob.Count > 0)
        {
            allNotes.Add($"{missingBlob.Count} executed file(s) could not be hashed (e.g. {missingBlob[0]}) and are left out: changes to them plan by the import graph.");
        }

        var known = sourcePaths.Where(blobs.ContainsKey).ToList();
        var fileIndex = known.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        // Per file: the union function table, then each test's pattern against it.
        var tables = new List<(int Start, int End)>[known.Count];
        for (var i = 0; i < known.Count; i++)
        {
            tables[i] = [];
        }

        foreach (var execution in executions)
        {
            foreach (var (path, file) in execution.Files)
            {
                if (fileIndex.TryGetValue(path, out var index))
                {
                    for (var f = 0; f + 1 < file.Functions.Length; f += 2)
                    {
                        tables[index].Add((file.Functions[f], file.Functions[f + 1]));
                    }
                }
            }
        }

        var code = new List<bool>[known.Count];
        for (var i = 0; i < known.Count; i++)
        {
            code[i] = [false];
        }

        foreach (var execution in executions)
        {
            foreach (var (path, file) in execution.Files)
            {
                if (fileIndex.TryGetValue(path, out var index))
                {
                    for (var r = 0; r + 1 < file.Code.Length; r += 2)
                    {
                        while (code[index].Count <= file.Code[r + 1])
                        {
                            code[index].Add(false);
                        }

                        for (var line = file.Code[r]; line <= file.Code[r + 1]; line++)
                        {
                            code[index][line] = true;
                        }
                    }
                }
            }
        }

        var functionIndex = new Dictionary<(int, int), int>[known.Count];
        for (var i = 0; i < known.Count; i++)
        {
            tables[i] = [.. tables[i].Distinct().OrderBy(t => t.Start).ThenByDescending(t => t.End)];
            functionIndex[i] = tables[i].Select((t, k) => (t, k)).ToDictionary(x => x.t, x => x.k);
        }

        var patterns = new List<ImpactPattern>[known.Count];
        var patternIndex = new Dictionary<string, int>[known.Count];
        for (var i = 0; i < known.Count; i++)
        {
            patterns[i] = [];
            patternIndex[i] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var previousOutcomes = (previous?.Tests ?? []).ToDictionary(t => t.Path, t => t.Outcomes, StringComparer.Ordinal);
        var tests = new List<ImpactTest>();
        foreach (var execution in executions.OrderBy(e => e.Test, StringComparer.Ordinal))
        {
            var covers = new List<int>();
            foreach (var (path, file) in execution.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (!fileIndex.TryGetValue(path, out var index) || (file.Lines.Length == 0 && file.Executed.Length == 0))
                {
                    continue;
                }

                var called = file.Executed.Select(e => functionIndex[index][(file.Functions[e * 2], file.Functions[(e * 2) + 1])]).Distinct().Order().ToArray();
                var key = string.Join(',', file.Lines) + "|" + string.Join(',', called);
                if (!patternIndex[index].TryGetValue(key, out var pattern))
                {
                    pattern = patterns[index].Count;
                    patterns[index].Add(new ImpactPattern(file.Lines, called));
                    patternIndex[index][key] = pattern;
                }

                covers.Add(index);
                covers.Add(pattern);
            }

            tests.Add(new ImpactTest(execution.Test, covers, Extend(previousOutcomes.GetValueOrDefault(execution.Test), outcomes.TryGetValue(execution.Test, out var o) ? o : null, window)));
        }

        // Tests with a result but no coverage file keep their outcomes (a failing test may write no coverage).
        var covered = executions.Select(e => e.Test).ToHashSet(StringComparer.Ordinal);
        foreach (var (test, outcome) in outcomes.Where(o => !covered.Contains(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            tests.Add(new ImpactTest(test, [], Extend(previousOutcomes.GetValueOrDefault(test), outcome, window)));
        }

        return new ImpactData
        {
            Version = ImpactData.CurrentVersion,
            Commit = commit,
            CreatedAt = now,
            OutcomeWindow = window,
            Files = [.. known.Select((p, i) => new ImpactSourceFile(p, blobs[p], [.. tables[i].SelectMany(t => new[] { t.Start, t.End })], patterns[i]) { Code = LineRanges.FromMarks(code[i]) })],
            Tests = [.. tests.OrderBy(t => t.Path, StringComparer.Ordinal)],
            Notes = allNotes,
        };
    }

    /// <summary>The outcome letter of a run.</summary>
    public static char Letter(TestOutcome? outcome) => outcome switch
    {
        TestOutcome.Passed => 'p',
        TestOutcome.Failed => 'f',
        TestOutcome.Flaky => 'k',
        _ => '-',
    };

    private static string Extend(string? earlier, TestOutcome? outcome, int window)
    {
        var all = (earlier ?? string.Empty) + Letter(outcome);
        return all.Length > window ? all[^window..] : all;
    }
}
