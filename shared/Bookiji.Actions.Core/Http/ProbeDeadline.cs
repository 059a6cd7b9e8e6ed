namespace Bookiji.Actions.Core.Http;

/// <summary>
/// A per-request timeout that one caller re-arms for each request, instead of allocating a linked token source
/// per request (a load generator sends tens of thousands a second). Not thread-safe: one per worker.
/// </summary>
public sealed class ProbeDeadline(CancellationToken outer) : IDisposable
{
    private CancellationTokenSource _source = CancellationTokenSource.CreateLinkedTokenSource(outer);

    /// <summary>The caller's own cancellation (not a timeout).</summary>
    public CancellationToken Outer => outer;

    /// <summary>Starts the clock; the token is cancelled after <paramref name="timeout"/> or with the outer token.</summary>
    public CancellationToken Arm(TimeSpan timeout)
    {
        _source.CancelAfter(timeout);
        return _source.Token;
    }

    /// <summary>Stops the clock so the source can be reused.</summary>
    public void Disarm()
    {
        if (!_source.TryReset())
        {
            _source.Dispose();
            _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();
}
