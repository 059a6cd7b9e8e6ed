using System.Text.Json;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>
/// The top-level keys of a workspace member's <c>package.json</c> whose change the import graph of the head cannot
/// bound: how the package resolves (an importer of its old name or of a removed subpath no longer reaches it) and the
/// test-runner or compiler configs a <c>jest.config.*</c>, <c>.babelrc</c> or <c>.mocharc</c> would hold. A
/// <c>jest</c> devDependency is not one: it is nested.
/// </summary>
/// <param name="Name">The package name.</param>
/// <param name="Exports">The <c>exports</c> map.</param>
/// <param name="Imports">The <c>imports</c> map.</param>
/// <param name="Main">The <c>main</c> entry.</param>
/// <param name="Module">The <c>module</c> entry.</param>
/// <param name="Source">The <c>source</c> entry.</param>
/// <param name="Types">The <c>types</c> entry.</param>
/// <param name="Typings">The <c>typings</c> entry.</param>
/// <param name="Type">The module <c>type</c>.</param>
/// <param name="Browser">The <c>browser</c> field.</param>
/// <param name="Workspaces">The <c>workspaces</c> of a nested workspace root.</param>
/// <param name="Jest">The <c>jest</c> config.</param>
/// <param name="Babel">The <c>babel</c> config.</param>
/// <param name="Mocha">The <c>mocha</c> config.</param>
/// <param name="Ava">The <c>ava</c> config.</param>
public sealed record MemberManifestFile(
    JsonElement? Name, JsonElement? Exports, JsonElement? Imports, JsonElement? Main, JsonElement? Module, JsonElement? Source,
    JsonElement? Types, JsonElement? Typings, JsonElement? Type, JsonElement? Browser, JsonElement? Workspaces,
    JsonElement? Jest, JsonElement? Babel, JsonElement? Mocha, JsonElement? Ava)
{
    /// <summary>Whether a runner or compiler config is present.</summary>
    public bool ConfiguresRunner => Jest is not null || Babel is not null || Mocha is not null || Ava is not null;

    /// <summary>Whether the fields that decide how the package resolves are the same in <paramref name="other"/>.</summary>
    public bool ResolvesAs(MemberManifestFile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Same(Name, other.Name) && Same(Exports, other.Exports) && Same(Imports, other.Imports) && Same(Main, other.Main)
            && Same(Module, other.Module) && Same(Source, other.Source) && Same(Types, other.Types) && Same(Typings, other.Typings)
            && Same(Type, other.Type) && Same(Browser, other.Browser) && Same(Workspaces, other.Workspaces);
    }

    private static bool Same(JsonElement? a, JsonElement? b) => a is { } x ? b is { } y && JsonElement.DeepEquals(x, y) : b is null;
}
