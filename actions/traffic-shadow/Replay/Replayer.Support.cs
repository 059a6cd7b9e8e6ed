using System.Net;

namespace Bookiji.Actions.TrafficShadow.Replay;

public sealed partial class Replayer
{
    /// <summary>One worker's reusable per-request timeout: re-armed per request instead of a new linked source each time.</summary>
    private sealed class Deadline(CancellationToken outer) : IDisposable
    {
        private CancellationTokenSource _source = CancellationTokenSource.CreateLinkedTokenSource(outer);

        public CancellationToken Arm(TimeSpan timeout)
        {
            _source.CancelAfter(timeout);
            return _source.Token;
        }

        public void Disarm()
        {
            if (!_source.TryReset())
            {
                _source.Dispose();
                _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
            }
        }

        public void Dispose() => _source.Dispose();
    }

    /// <summary>A handler for replay: one connection per worker and target, no redirects, no decompression, no proxy.</summary>
    public static SocketsHttpHandler CreateHandler(int concurrency, bool skipTlsVerify) => new()
    {
        MaxConnectionsPerServer = Math.Max(1, concurrency),
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        SslOptions = skipTlsVerify ? new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true } : new(),
    };
}
