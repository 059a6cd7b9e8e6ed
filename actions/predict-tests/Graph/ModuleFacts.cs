namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// What one TS/JS file imports and exports, as far as re-export tracing needs it.
/// </summary>
/// <param name="Imports">Every statement naming a specifier (one specifier may appear in several: any that takes
/// the whole module makes the file depend on all of it).</param>
/// <param name="ReExports">Its <c>export … from</c> statements.</param>
/// <param name="LocalExports">Names it declares and exports itself (<c>default</c> included).</param>
/// <param name="IsBarrel">Whether the file is nothing but re-exports (comments and directives aside): a barrel.</param>
/// <param name="RelativePaths">String literals that are relative paths (<c>'../../dist/pkg.global.js'</c> in
/// <c>new URL(…, import.meta.url)</c> or <c>path.resolve(__dirname, …)</c>): a file loaded at run time, such as a
/// package's build output.</param>
public sealed record ModuleFacts(IReadOnlyList<ImportUse> Imports, IReadOnlyList<ReExport> ReExports, IReadOnlySet<string> LocalExports, bool IsBarrel, IReadOnlyList<string>? RelativePaths = null)
{
    /// <summary>Facts that take every specifier whole and trace nothing (the graph as a plain file graph).</summary>
    public static ModuleFacts Whole(IReadOnlyList<string> specifiers) =>
        new([.. specifiers.Select(s => new ImportUse(s))], [], new HashSet<string>(StringComparer.Ordinal), false);
}
