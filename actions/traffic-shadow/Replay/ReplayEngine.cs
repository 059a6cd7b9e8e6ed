namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>How requests are sent.</summary>
public enum ReplayEngine
{
    /// <summary>The default: <see cref="Raw"/> when every target is plain http://, else <see cref="HttpClient"/>.</summary>
    Auto,

    /// <summary>.NET's SocketsHttpHandler through the core probe client: HTTP and HTTPS.</summary>
    HttpClient,

    /// <summary>A minimal HTTP/1.1 keep-alive client with requests prepared as bytes: plain HTTP only, the fastest.</summary>
    Raw,
}
