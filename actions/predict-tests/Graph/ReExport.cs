namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>One <c>export … from</c> statement.</summary>
/// <param name="Specifier">As written.</param>
/// <param name="Names">Exported name → the name taken from the target (<c>*</c> for <c>export * as ns</c>); <c>null</c> for <c>export *</c>.</param>
public sealed record ReExport(string Specifier, IReadOnlyDictionary<string, string>? Names)
{
    /// <summary>Whether this is <c>export * from</c> (every name of the target but its default).</summary>
    public bool IsStar => Names is null;
}
