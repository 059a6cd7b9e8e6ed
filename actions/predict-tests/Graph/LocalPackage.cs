namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>A package of this repository: the root package or a workspace member, named by its <c>package.json</c>.</summary>
/// <param name="Directory">Its folder ("" for the root), '/'-separated.</param>
/// <param name="Manifest">Its <c>package.json</c>.</param>
public sealed record LocalPackage(string Directory, PackageJson Manifest)
{
    /// <summary>The graph node standing for "every file of this package" when an import of it cannot be resolved further.</summary>
    public string WholeNode => $"{Manifest.Name ?? Directory} (whole package {(Directory.Length == 0 ? "." : Directory)}/)";
}
