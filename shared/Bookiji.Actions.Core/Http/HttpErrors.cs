using System.Net.Sockets;
using System.Security.Authentication;

namespace Bookiji.Actions.Core.Http;

/// <summary>The one classification of transport failures every client and action uses.</summary>
public static class HttpErrors
{
    /// <summary>
    /// Names the failure behind <paramref name="exception"/> (an <see cref="HttpRequestException"/>, a
    /// <see cref="SocketException"/>, an <see cref="IOException"/> or a timeout), looking through inner exceptions.
    /// Cancellation is a timeout here: callers tell their own cancellation apart before classifying.
    /// </summary>
    public static TransportError Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException:
                    return TransportError.Tls;
                case SocketException socket when FromSocket(socket.SocketErrorCode) is { } kind:
                    return kind;
                case TimeoutException or OperationCanceledException:
                    return TransportError.Timeout;
            }
        }

        return exception switch
        {
            HttpRequestException http => http.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => TransportError.Dns,
                HttpRequestError.SecureConnectionError => TransportError.Tls,
                HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => TransportError.Reset,
                HttpRequestError.ConnectionError => TransportError.Refused,
                _ => TransportError.Other,
            },
            IOException or ObjectDisposedException => TransportError.Reset,
            _ => TransportError.Other,
        };
    }

    private static TransportError? FromSocket(SocketError code) => code switch
    {
        SocketError.ConnectionRefused => TransportError.Refused,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => TransportError.Reset,
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => TransportError.Dns,
        SocketError.TimedOut => TransportError.Timeout,
        _ => null,
    };
}
