using System.Buffers;
using System.Text;

namespace Bookiji.Actions.Core.Http;

/// <summary>
/// A response body read with a bound: up to <c>maxBytes</c> are kept; past that nothing more is held in memory,
/// the whole body is hashed instead (SHA-256) so two large bodies can still be compared, and the cut is reported.
/// </summary>
/// <param name="Bytes">The body when it fit the bound; empty when it did not.</param>
/// <param name="Length">How many bytes the body had (all of them were read).</param>
/// <param name="Sha256">The lower-case hex SHA-256 of the whole body, when it was over the bound; else null.</param>
public sealed record BoundedBody(ReadOnlyMemory<byte> Bytes, long Length, string? Sha256)
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Whether the body was over the bound (then only <see cref="Sha256"/> and <see cref="Length"/> are known).</summary>
    public bool OverLimit => Sha256 is not null;

    /// <summary>
    /// Whether the body went on past the bound and was not read further (<see cref="ReadHeadAsync"/>); then
    /// <see cref="Bytes"/> holds its first <c>maxBytes</c> bytes, <see cref="Length"/> counts the bytes read and
    /// there is no hash.
    /// </summary>
    public bool Cut { get; init; }

    /// <summary>The kept body as UTF-8 text (empty when over the bound).</summary>
    public string Text => Encoding.UTF8.GetString(Bytes.Span);

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, keeping at most <paramref name="maxBytes"/> bytes; memory stays
    /// bounded by that and one 16 KiB chunk whatever the body's size.
    /// </summary>
    public static async Task<BoundedBody> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        using var builder = new BoundedBodyBuilder(maxBytes);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                builder.Append(chunk.AsSpan(0, read));
            }

            return builder.Build();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>
    /// Reads <paramref name="stream"/> up to <paramref name="maxBytes"/> bytes and stops there: one byte past the
    /// bound proves the cut (<see cref="Cut"/>) and the rest is never read, however long or endless it is.
    /// </summary>
    public static async Task<BoundedBody> ReadHeadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        using var kept = new MemoryStream();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                var room = maxBytes - kept.Length;
                if (read > room)
                {
                    kept.Write(chunk, 0, (int)room);
                    return new BoundedBody(kept.ToArray(), kept.Length + read - room, null) { Cut = true };
                }

                kept.Write(chunk, 0, read);
            }

            return new BoundedBody(kept.ToArray(), kept.Length, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
