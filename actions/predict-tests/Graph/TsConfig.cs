using System.Text.Json;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>The parts of <c>tsconfig.json</c> module resolution needs.</summary>
/// <param name="Extends">Its <c>extends</c>: a path or (TypeScript 5) a list of paths.</param>
/// <param name="CompilerOptions">Its <c>compilerOptions</c>.</param>
public sealed record TsConfig(JsonElement? Extends, TsConfig.Compiler? CompilerOptions)
{
    /// <summary><c>compilerOptions</c>.</summary>
    /// <param name="BaseUrl">Where bare specifiers resolve from.</param>
    /// <param name="Paths">Alias → target patterns.</param>
    public sealed record Compiler(string? BaseUrl, IReadOnlyDictionary<string, IReadOnlyList<string?>?>? Paths);
}
