namespace Bookiji.Actions.Core.Http;

/// <summary>How a <see cref="ProbeClient"/> connects and reads.</summary>
public sealed record ProbeClientOptions
{
    /// <summary>Connections kept per server (one per concurrent worker). Default 1.</summary>
    public int MaxConnectionsPerServer { get; init; } = 1;

    /// <summary>Accept any TLS certificate (self-signed targets). Default false.</summary>
    public bool SkipTlsVerify { get; init; }

    /// <summary>
    /// Go through the system proxy (<c>HTTPS_PROXY</c>/<c>HTTP_PROXY</c>/<c>NO_PROXY</c>), as a health probe from a
    /// self-hosted runner behind one must. Default false: a load generator measures the target, not a proxy.
    /// </summary>
    public bool UseProxy { get; init; }

    /// <summary>The TCP+TLS connect timeout. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Body bytes kept per response; past it the body is hashed (see <see cref="BoundedBody"/>). Default 1 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;
}
