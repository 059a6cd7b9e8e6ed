using System.Text.Json;

namespace Bookiji.Actions.PredictTests.Config;

/// <summary>One feature of <c>tests/config/test-map.json</c>.</summary>
/// <param name="Name">The feature name.</param>
/// <param name="Paths">Globs of the source it covers; empty: paths naming the feature as a segment.</param>
/// <param name="Tests">Its test files.</param>
public sealed record TestMapFeature(string Name, IReadOnlyList<string> Paths, IReadOnlyList<string> Tests)
{
    private GlobSet? _globs;

    /// <summary>Why <paramref name="path"/> belongs to this feature, or <c>null</c> when it does not.</summary>
    public string? Explain(string path)
    {
        if (Paths.Count > 0)
        {
            _globs ??= new GlobSet(Paths);
            return _globs.FirstMatch(path) is { } glob ? $"test-map feature '{Name}' (paths {glob})" : null;
        }

        foreach (var segment in path.Split('/'))
        {
            var stem = segment.Contains('.', StringComparison.Ordinal) ? segment[..segment.IndexOf('.', StringComparison.Ordinal)] : segment;
            if (string.Equals(segment, Name, StringComparison.OrdinalIgnoreCase) || string.Equals(stem, Name, StringComparison.OrdinalIgnoreCase))
            {
                return $"test-map feature '{Name}' (path segment '{segment}')";
            }
        }

        return null;
    }
}

/// <summary>
/// The brief's test map: feature → test files, or the extended form feature → <c>{ "paths": [globs], "tests": [...] }</c>.
/// Parsing never throws: problems are returned so the plan can fall back to running everything.
/// </summary>
public sealed record TestMap(IReadOnlyList<TestMapFeature> Features)
{
    /// <summary>Every test file the map names.</summary>
    public IEnumerable<string> AllTests => Features.SelectMany(f => f.Tests).Distinct(StringComparer.Ordinal);

    /// <summary>Parses the map; a problem makes the map unusable (null) or drops one malformed feature, with a message.</summary>
    public static (TestMap? Map, IReadOnlyList<string> Problems) Parse(string json, string source)
    {
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (null, [$"{source} is not valid JSON ({ex.Message}); running all tests."]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [$"{source} must be a JSON object of feature → test files; running all tests."]);
            }

            var features = new List<TestMapFeature>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var (feature, problem) = ParseFeature(property);
                if (problem is not null)
                {
                    problems.Add($"{source}: feature '{property.Name}' {problem}");
                    return (null, problems);
                }

                features.Add(feature!);
            }

            return (new TestMap(features), problems);
        }
    }

    private static (TestMapFeature? Feature, string? Problem) ParseFeature(JsonProperty property)
    {
        var value = property.Value;
        if (value.ValueKind == JsonValueKind.Array)
        {
            return StringArray(value) is { } tests
                ? (new TestMapFeature(property.Name, [], tests), null)
                : (null, "must list test files as strings; running all tests.");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            IReadOnlyList<string>? paths = [];
            IReadOnlyList<string>? tests = [];
            if (value.TryGetProperty("paths", out var p))
            {
                paths = StringArray(p);
            }

            if (value.TryGetProperty("tests", out var t))
            {
                tests = StringArray(t);
            }

            return paths is null || tests is null
                ? (null, "must be { \"paths\": [globs], \"tests\": [files] } with string arrays; running all tests.")
                : (new TestMapFeature(property.Name, paths, tests), null);
        }

        return (null, $"must be an array of test files or {{ \"paths\": [...], \"tests\": [...] }}, not {value.ValueKind}; running all tests.");
    }

    private static List<string>? StringArray(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var text = item.GetString()!;
            list.Add(text.StartsWith("./", StringComparison.Ordinal) ? text[2..] : text);
        }

        return list;
    }
}
