using System.Security.Cryptography;
using System.Text;

namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>Git's blob id of a file's bytes (SHA-1 of <c>"blob &lt;length&gt;\0"</c> and the bytes), as <c>git hash-object</c> gives it.</summary>
public static class GitBlob
{
    /// <summary>The largest file hashed; a larger one has no id (and no impact record).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The blob id of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(header);
        sha.AppendData(bytes);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The blob id of a file in the work tree, or null when it cannot be read or is over <see cref="MaxBytes"/>.</summary>
    public static async Task<string?> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxBytes && !info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? Of(await File.ReadAllBytesAsync(path, cancellationToken)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
