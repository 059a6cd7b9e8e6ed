namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>What one import specifier names.</summary>
/// <param name="Files">The repository files it resolves to (several when conditions point at different files).</param>
/// <param name="WholePackage">A package of this repository the import names but whose entry could not be resolved: the importer depends on all of it.</param>
/// <param name="Unresolved">It names a repository path (relative, absolute or alias) that matches no file.</param>
public sealed record Resolution(IReadOnlyList<string> Files, LocalPackage? WholePackage, bool Unresolved)
{
    /// <summary>An external package (node_modules) or a builtin.</summary>
    public static readonly Resolution External = new([], null, false);
}
