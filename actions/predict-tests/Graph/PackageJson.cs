using System.Text.Json;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// The parts of a <c>package.json</c> module resolution needs. <c>exports</c> and <c>imports</c> stay JSON
/// elements: their shape (string, array, subpath map, nested conditions) is the format, walked by
/// <see cref="PackageExports"/>.
/// </summary>
/// <param name="Name">The package name a bare specifier names.</param>
/// <param name="Exports">The <c>exports</c> field.</param>
/// <param name="Imports">The <c>imports</c> field (<c>#internal</c> specifiers).</param>
/// <param name="Main">The <c>main</c> entry.</param>
/// <param name="Module">The bundlers' <c>module</c> entry.</param>
/// <param name="Source">The <c>source</c> entry (microbundle/parcel).</param>
/// <param name="Types">The <c>types</c> entry.</param>
/// <param name="Dependencies">The <c>dependencies</c> object (names → versions).</param>
/// <param name="DevDependencies">The <c>devDependencies</c> object.</param>
/// <param name="PeerDependencies">The <c>peerDependencies</c> object.</param>
/// <param name="OptionalDependencies">The <c>optionalDependencies</c> object.</param>
public sealed record PackageJson(
    string? Name, JsonElement? Exports, JsonElement? Imports, string? Main, string? Module, string? Source, string? Types,
    JsonElement? Dependencies = null, JsonElement? DevDependencies = null, JsonElement? PeerDependencies = null, JsonElement? OptionalDependencies = null)
{
    /// <summary>Every package name it depends on, of any kind (a field that is not an object contributes nothing).</summary>
    public IEnumerable<string> DependencyNames =>
        new[] { Dependencies, DevDependencies, PeerDependencies, OptionalDependencies }
            .Where(d => d is { ValueKind: JsonValueKind.Object })
            .SelectMany(d => d!.Value.EnumerateObject().Select(p => p.Name));

    /// <summary>
    /// The folders its build writes, as its entries name them (<c>"main": "./dist/index.js"</c> → <c>dist</c>;
    /// entries under <c>src/</c> are sources, not output); <c>dist</c>, <c>build</c> and <c>lib</c> when it names none.
    /// </summary>
    public IReadOnlySet<string> OutputFolders
    {
        get
        {
            var entries = new[] { Main, Module, Types }.OfType<string>()
                .Concat(Exports is { } exports ? PackageExports.AllTargets(exports) : []);
            var folders = entries
                .Select(e => e.StartsWith("./", StringComparison.Ordinal) ? e[2..] : e)
                .Where(e => e.Contains('/', StringComparison.Ordinal))
                .Select(e => e[..e.IndexOf('/', StringComparison.Ordinal)])
                .Where(f => f is not ("src" or "source" or "." or ".." or ""))
                .ToHashSet(StringComparer.Ordinal);
            return folders.Count > 0 ? folders : new HashSet<string>(["dist", "build", "lib"], StringComparer.Ordinal);
        }
    }
}
