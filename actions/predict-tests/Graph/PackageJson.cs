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
public sealed record PackageJson(string? Name, JsonElement? Exports, JsonElement? Imports, string? Main, string? Module, string? Source, string? Types);
