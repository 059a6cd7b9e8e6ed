namespace Bookiji.Actions.PredictTests.Impact.Coverage;

/// <summary>
/// One file's entry of an Istanbul <c>coverage-final.json</c> (vitest's and jest's v8 and istanbul providers, nyc, c8,
/// v8-to-istanbul): the statements and functions of the file and how often each ran. Branches are not read.
/// </summary>
/// <param name="Path">The file as the test run saw it (usually absolute).</param>
/// <param name="StatementMap">Statement id → its location.</param>
/// <param name="FnMap">Function id → its name and location.</param>
/// <param name="S">Statement id → times run.</param>
/// <param name="F">Function id → times called.</param>
public sealed record IstanbulFileCoverage(
    string? Path,
    IReadOnlyDictionary<string, IstanbulFileCoverage.Range?>? StatementMap,
    IReadOnlyDictionary<string, IstanbulFileCoverage.Function?>? FnMap,
    IReadOnlyDictionary<string, double>? S,
    IReadOnlyDictionary<string, double>? F)
{
    /// <summary>A position: 1-based line, 0-based column (null where the writer did not know it).</summary>
    /// <param name="Line">The line, from 1.</param>
    /// <param name="Column">The column, from 0.</param>
    public sealed record Position(int Line, int? Column);

    /// <summary>A source range.</summary>
    /// <param name="Start">Where it starts.</param>
    /// <param name="End">Where it ends (inclusive line).</param>
    public sealed record Range(Position? Start, Position? End);

    /// <summary>A function.</summary>
    /// <param name="Name">Its name (anonymous ones are named by the writer, e.g. <c>(anonymous_3)</c>).</param>
    /// <param name="Loc">Its whole extent, body included.</param>
    public sealed record Function(string? Name, Range? Loc);
}
