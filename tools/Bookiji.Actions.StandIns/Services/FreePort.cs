using System.Net;
using System.Net.Sockets;

namespace Bookiji.Actions.StandIns.Services;

/// <summary>Finds a TCP port on 127.0.0.1 that nothing listens on right now.</summary>
public static class FreePort
{
    /// <summary>Asks the OS for a free port and releases it for the caller's server.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
