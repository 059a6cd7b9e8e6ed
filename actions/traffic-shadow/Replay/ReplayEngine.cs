namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>How requests are sent.</summary>
public enum ReplayEngine
{
    /// <summary>.NET's SocketsHttpHandler through the core probe client: HTTP and HTTPS (the default).</summary>
    HttpClient,

    /// <summary>A minimal HTTP/1.1 keep-alive client with requests prepared as bytes: plain HTTP only, for the highest rates.</summary>
    Raw,
}
