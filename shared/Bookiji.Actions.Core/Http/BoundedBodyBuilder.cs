using System.Security.Cryptography;

namespace Bookiji.Actions.Core.Http;

/// <summary>
/// Collects a body pushed in pieces with the bound of <see cref="BoundedBody"/>: up to <c>maxBytes</c> kept, past
/// that only a running SHA-256 and the length. For readers that parse bytes themselves (a raw socket client).
/// </summary>
public sealed class BoundedBodyBuilder(long maxBytes) : IDisposable
{
    private MemoryStream _kept = new();
    private IncrementalHash? _hash;
    private long _length;

    /// <summary>Adds the next piece of the body.</summary>
    public void Append(ReadOnlySpan<byte> piece)
    {
        _length += piece.Length;
        if (_hash is null && _length > maxBytes)
        {
            // Over the bound: hash what was kept, let it go, and hash the rest as it streams by.
            _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _hash.AppendData(_kept.GetBuffer(), 0, (int)_kept.Length);
            _kept = new MemoryStream();
        }

        if (_hash is null)
        {
            _kept.Write(piece);
        }
        else
        {
            _hash.AppendData(piece);
        }
    }

    /// <summary>The body read so far, kept or hashed.</summary>
    public BoundedBody Build() => _hash is null
        ? new BoundedBody(_kept.GetBuffer().AsMemory(0, (int)_kept.Length), _length, null)
        : new BoundedBody(ReadOnlyMemory<byte>.Empty, _length, Convert.ToHexStringLower(_hash.GetHashAndReset()));

    /// <inheritdoc />
    public void Dispose()
    {
        _hash?.Dispose();
        _kept.Dispose();
    }
}
