using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bookiji.Actions.Core.Toolkit;

/// <summary>
/// Reads and writes the JSON files actions exchange through their record types and source-generated contexts:
/// reads are bounded, a file that does not fit its type is named with what is wrong, never thrown at the host.
/// </summary>
public static class JsonFile
{
    /// <summary>The default read bound: large enough for any report these actions exchange.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>Writes <paramref name="value"/> indented, UTF-8 without BOM, with a final newline.</summary>
    public static Task WriteAsync<T>(string path, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        return OutputFile.WriteTextAsync(path, JsonSerializer.Serialize(value, type), cancellationToken);
    }

    /// <summary>
    /// Reads <paramref name="path"/> as <typeparamref name="T"/>. A missing file, one over <paramref name="maxBytes"/>,
    /// invalid JSON or the wrong shape each come back as a <see cref="JsonFileResult{T}.Problem"/> naming the file.
    /// </summary>
    public static async Task<JsonFileResult<T>> ReadAsync<T>(string path, JsonTypeInfo<T> type, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(type);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return JsonFileResult<T>.Fail(path, "does not exist", missing: true);
        }

        if (info.Length > maxBytes)
        {
            return JsonFileResult<T>.Fail(path, $"is {info.Length:N0} bytes; files over {maxBytes:N0} bytes are not read");
        }

        try
        {
            await using var stream = info.OpenRead();
            var value = await JsonSerializer.DeserializeAsync(stream, type, cancellationToken);
            return value is null ? JsonFileResult<T>.Fail(path, "holds null, not a JSON object") : new JsonFileResult<T>(path, value, null, false);
        }
        catch (JsonException ex)
        {
            return JsonFileResult<T>.Fail(path, $"does not fit the expected shape ({ex.Message})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidOperationException)
        {
            return JsonFileResult<T>.Fail(path, $"could not be read ({ex.Message})");
        }
    }
}
