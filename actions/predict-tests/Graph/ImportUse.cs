namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>One statement's specifier, and what it takes from the module.</summary>
/// <param name="Specifier">As written.</param>
/// <param name="Clause">What stands between <c>import</c>/<c>export</c> and <c>from</c>, or <c>null</c>: a side-effect
/// import, <c>require</c>, <c>import()</c>, a mock — forms that take the whole module.</param>
/// <param name="IsExport">Whether the statement is <c>export … from</c>.</param>
public sealed record ImportUse(string Specifier, string? Clause = null, bool IsExport = false)
{
    /// <summary>
    /// The names taken (<c>default</c> for a default import), or <c>null</c> when the statement takes the whole
    /// module (namespace import, <c>export *</c>, no clause, a clause not taken apart). Parsed on each call: the graph
    /// asks only for imports of barrels.
    /// </summary>
    public IReadOnlyList<string>? Names => Clause is null ? null : ModuleAnalyzer.NamesOf(Clause, IsExport);
}
