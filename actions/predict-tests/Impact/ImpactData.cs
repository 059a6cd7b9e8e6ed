namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>
/// What each test executed at one commit of the default branch, written by learn mode and read by plan and evaluate
/// modes: compact (identical coverage of a file is stored once), versioned, deterministic (everything sorted).
/// </summary>
public sealed record ImpactData
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The format version.</summary>
    public required int Version { get; init; }

    /// <summary>The analysed commit (full SHA): the coverage was taken on its tree.</summary>
    public required string Commit { get; init; }

    /// <summary>When learn mode wrote it (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>How many learn runs' outcomes each test keeps (newest last).</summary>
    public int OutcomeWindow { get; init; }

    /// <summary>The source files some test executed, sorted by path.</summary>
    public required IReadOnlyList<ImpactSourceFile> Files { get; init; }

    /// <summary>The tests, sorted by path.</summary>
    public required IReadOnlyList<ImpactTest> Tests { get; init; }

    /// <summary>What learn mode cut or skipped (bounds reached, unreadable files), so a reader knows the data is partial.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>One source file at the analysed commit.</summary>
/// <param name="Path">Repository-relative, '/'-separated.</param>
/// <param name="Blob">Its git blob SHA at the analysed commit: a file whose blob at the plan's base differs has drifted.</param>
/// <param name="Functions">Its functions as flat inclusive line ranges (<see cref="LineRanges"/>), sorted by start.</param>
/// <param name="Patterns">The distinct ways tests executed it; tests refer to them by index.</param>
public sealed record ImpactSourceFile(string Path, string Blob, IReadOnlyList<int> Functions, IReadOnlyList<ImpactPattern> Patterns)
{
    /// <summary>Every line a statement spans in some test's report, run or not (flat ranges): code, as opposed to types, comments and blank lines.</summary>
    public IReadOnlyList<int> Code { get; init; } = [];
}

/// <summary>One way a file was executed.</summary>
/// <param name="Lines">Executed lines, flat inclusive ranges.</param>
/// <param name="Functions">Indexes of the called functions into the file's <see cref="ImpactSourceFile.Functions"/> pairs.</param>
public sealed record ImpactPattern(IReadOnlyList<int> Lines, IReadOnlyList<int> Functions);

/// <summary>One test file.</summary>
/// <param name="Path">Repository-relative.</param>
/// <param name="Covers">Flat pairs <c>[fileIndex, patternIndex, …]</c> into <see cref="ImpactData.Files"/>.</param>
/// <param name="Outcomes">Its last outcomes, oldest first: <c>p</c> passed, <c>f</c> failed, <c>k</c> flaky (failed, then passed on retry), <c>-</c> not run.</param>
public sealed record ImpactTest(string Path, IReadOnlyList<int> Covers, string Outcomes);
