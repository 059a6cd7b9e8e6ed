namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// What one TS/JS file imports and exports, as far as re-export tracing needs it.
/// </summary>
/// <param name="Imports">Every statement naming a specifier (one specifier may appear in several: any that takes
/// the whole module makes the file depend on all of it).</param>
/// <param name="ReExports">Its <c>export … from</c> statements.</param>
/// <param name="LocalExports">Names it declares and exports itself (<c>default</c> included).</param>
/// <param name="IsBarrel">Whether the file is nothing but re-exports (comments and directives aside): a barrel.</param>
public sealed record ModuleFacts(IReadOnlyList<ImportUse> Imports, IReadOnlyList<ReExport> ReExports, IReadOnlySet<string> LocalExports, bool IsBarrel)
{
    /// <summary>Facts that take every specifier whole and trace nothing (the graph as a plain file graph).</summary>
    public static ModuleFacts Whole(IReadOnlyList<string> specifiers) =>
        new([.. specifiers.Select(s => new ImportUse(s))], [], new HashSet<string>(StringComparer.Ordinal), false);
}
