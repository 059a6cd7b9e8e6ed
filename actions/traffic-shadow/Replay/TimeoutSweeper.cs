using System.Collections.Concurrent;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>One timer for every raw connection: every 5 ms it aborts the requests past their deadline.</summary>
internal sealed class TimeoutSweeper : IDisposable
{
    private readonly ConcurrentBag<RawHttpConnection> _connections = [];
    private readonly ITimer _timer;

    public TimeoutSweeper(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _timer = time.CreateTimer(_ => Sweep(time.GetTimestamp()), null, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5));
    }

    public RawHttpConnection Watch(RawHttpConnection connection)
    {
        _connections.Add(connection);
        return connection;
    }

    private void Sweep(long now)
    {
        foreach (var connection in _connections)
        {
            connection.AbortIfExpired(now);
        }
    }

    public void Dispose() => _timer.Dispose();
}
