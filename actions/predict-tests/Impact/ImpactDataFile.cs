using System.IO.Compression;
using System.Text.Json;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>
/// Reads and writes impact data: gzip when the name ends <c>.gz</c> (read by its magic bytes, whatever the name), bounded
/// both compressed and inflated — a restored cache or downloaded artifact is as hostile as any upstream.
/// </summary>
public static class ImpactDataFile
{
    /// <summary>The largest file read, compressed or not.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>The most bytes a compressed file may inflate to.</summary>
    public const long MaxInflatedBytes = 1024L * 1024 * 1024;

    /// <summary>The data, or null with why (a missing file says so in <c>Missing</c>).</summary>
    public static async Task<(ImpactData? Data, string? Problem, bool Missing)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return (null, $"{path} does not exist", true);
        }

        if (info.Length > MaxBytes)
        {
            return (null, $"{path} is {info.Length:N0} bytes; impact data over {MaxBytes:N0} bytes is not read", false);
        }

        try
        {
            await using var file = File.OpenRead(path);
            var magic = new byte[2];
            var read = await file.ReadAsync(magic, cancellationToken);
            file.Position = 0;
            await using Stream body = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
            await using var bounded = new BoundedReadStream(body, MaxInflatedBytes);
            var data = await JsonSerializer.DeserializeAsync(bounded, ImpactJsonContext.Default.ImpactData, cancellationToken);
            return data switch
            {
                null => (null, $"{path} holds no impact data", false),
                { Version: not ImpactData.CurrentVersion } => (null, $"{path} is impact data version {data.Version}; this build reads version {ImpactData.CurrentVersion} (learn again)", false),
                { Commit: not { Length: 40 } } or { Files: null } or { Tests: null } => (null, $"{path} is not impact data (no analysed commit, files or tests)", false),
                _ when !data.Commit.All(Uri.IsHexDigit) => (null, $"{path} names an analysed commit that is not a SHA", false),
                _ => (data, null, false),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or NotSupportedException)
        {
            return (null, $"{path} could not be read as impact data ({ex.GetType().Name}: {ex.Message})", false);
        }
    }

    /// <summary>Writes the data (gzip when the name ends .gz); returns the bytes written.</summary>
    public static async Task<long> WriteAsync(string path, ImpactData data, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using (var file = File.Create(path))
        {
            await using Stream body = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.SmallestSize) : file;
            await JsonSerializer.SerializeAsync(body, data, ImpactJsonContext.Default.ImpactData, cancellationToken);
        }

        return new FileInfo(path).Length;
    }
}
