using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bookiji.Actions.PredictTests.Config;

/// <summary>
/// Reads the map's two shapes per feature (an array of tests, or <c>{ "paths", "tests" }</c>) and names the
/// feature that fits neither; <c>./</c> prefixes are dropped so paths compare with git's.
/// </summary>
public sealed class TestMapConverter : JsonConverter<TestMap>
{
    /// <inheritdoc />
    public override TestMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("must be a JSON object of feature → test files");
        }

        var features = new List<TestMapFeature>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString() ?? string.Empty;
            reader.Read();
            features.Add(ReadFeature(ref reader, name));
        }

        return new TestMap(features);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TestMap value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var feature in value.Features)
        {
            writer.WriteStartObject(feature.Name);
            WriteArray(writer, "paths", feature.Paths);
            WriteArray(writer, "tests", feature.Tests);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static TestMapFeature ReadFeature(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return new TestMapFeature(name, [], ReadStrings(ref reader) ?? throw new JsonException($"feature '{name}' must list test files as strings"));
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"feature '{name}' must be an array of test files or {{ \"paths\": [...], \"tests\": [...] }}, not {reader.TokenType}");
        }

        IReadOnlyList<string>? paths = [];
        IReadOnlyList<string>? tests = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "paths":
                    paths = ReadStrings(ref reader);
                    break;
                case "tests":
                    tests = ReadStrings(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }

            if (paths is null || tests is null)
            {
                throw new JsonException($"feature '{name}' must be {{ \"paths\": [globs], \"tests\": [files] }} with string arrays");
            }
        }

        return new TestMapFeature(name, paths, tests);
    }

    /// <summary>A string array, or null when the value is anything else (the reader is left after it).</summary>
    private static List<string>? ReadStrings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var list = new List<string>();
        var valid = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text)
            {
                list.Add(text.StartsWith("./", StringComparison.Ordinal) ? text[2..] : text);
            }
            else
            {
                valid = false;
                reader.Skip();
            }
        }

        return valid ? list : null;
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
