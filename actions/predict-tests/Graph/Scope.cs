namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>One <c>tsconfig.json</c>'s module options (after <c>extends</c>), applying to the files under its folder.</summary>
/// <param name="Directory">The folder of the tsconfig ("" for the root).</param>
/// <param name="BaseUrl">Its <c>baseUrl</c>, repository-relative.</param>
/// <param name="Aliases">Its <c>paths</c>, longest prefix first, targets repository-relative.</param>
internal sealed record Scope(string Directory, string? BaseUrl, IReadOnlyList<(string Prefix, string Suffix, IReadOnlyList<string> Targets)> Aliases)
{
    /// <summary>The suffix marking an alias without <c>*</c>.</summary>
    public const string Exact = "\0exact";

    /// <summary>A scope from already repository-relative options.</summary>
    public static Scope Create(string directory, string? baseUrl, IReadOnlyDictionary<string, IReadOnlyList<string>>? paths) =>
        new(directory, baseUrl is null ? null : ModuleResolver.Normalize(baseUrl), [.. (paths ?? new Dictionary<string, IReadOnlyList<string>>()).Select(p =>
        {
            var star = p.Key.IndexOf('*', StringComparison.Ordinal);
            return star < 0 ? (p.Key, Exact, p.Value) : (p.Key[..star], p.Key[(star + 1)..], p.Value);
        }).OrderByDescending(a => a.Item1.Length)]);
}
