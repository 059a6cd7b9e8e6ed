using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bookiji.Actions.PredictTests.Config;

/// <summary>
/// The brief's test map: feature → test files, or the extended form feature → <c>{ "paths": [globs], "tests": [...] }</c>.
/// Read through <see cref="TestMapConverter"/>; a map that does not fit is named with what is wrong, and the plan
/// runs everything.
/// </summary>
/// <param name="Features">The features, in file order.</param>
[JsonConverter(typeof(TestMapConverter))]
public sealed record TestMap(IReadOnlyList<TestMapFeature> Features)
{
    /// <summary>The largest map read (a map is a hand-written index; anything bigger is a mistake or an attack).</summary>
    public const long MaxBytes = 8L * 1024 * 1024;

    /// <summary>Every test file the map names.</summary>
    public IEnumerable<string> AllTests => Features.SelectMany(f => f.Tests).Distinct(StringComparer.Ordinal);

    /// <summary>Parses a map's text (from a git blob); a leading byte-order mark is allowed.</summary>
    public static (TestMap? Map, IReadOnlyList<string> Problems) Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes)
        {
            return (null, [$"{source} is larger than {MaxBytes:N0} bytes; running all tests."]);
        }

        try
        {
            return JsonSerializer.Deserialize(json.TrimStart('\uFEFF'), PredictTestsJsonContext.Default.TestMap) is { } map
                ? (map, [])
                : (null, [$"{source} holds null, not a map; running all tests."]);
        }
        catch (JsonException ex)
        {
            return (null, [Problem(source, ex.Message)]);
        }
    }

    /// <summary>The message for a map that cannot be used.</summary>
    public static string Problem(string source, string problem) => $"{source}: {problem}; running all tests.";
}
