using System.Net.Sockets;
using System.Security.Authentication;
using System.Net.Http.Headers;
using System.Text;

namespace Bookiji.Actions.TrafficShadow.Replay;

public sealed partial class Replayer
{
    private async Task<Outcome> SendAsync(Prepared item, Uri uri, byte[]? rawBytes, RawHttpConnection? connection, ReplayOptions options, long? intended, Deadline deadline, CancellationToken cancellationToken)
    {
        if (rawBytes is not null && connection is not null)
        {
            var rawFrom = intended ?? time.GetTimestamp();
            var expires = time.GetTimestamp() + (long)(options.Timeout.TotalSeconds * time.TimestampFrequency);
            var answer = await connection.SendAsync(rawBytes, item.Request.Method == "HEAD", options.Diff, expires, cancellationToken);
            return new Outcome(Micros(rawFrom), answer.Status, answer.Error, answer.Body);
        }

        using var message = new HttpRequestMessage(item.Method, uri);
        foreach (var (name, value) in item.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (options.HostHeader is { } host)
        {
            message.Headers.Host = host;
        }

        if (item.Request.Body is { } body)
        {
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType(item.Request, body));
        }

        var token = deadline.Arm(options.Timeout);
        var sent = time.GetTimestamp();
        var from = intended ?? sent;
        try
        {
            using var response = await client.SendAsync(message, token);
            string? text = null;
            var isJson = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
            if (options.Diff && isJson)
            {
                text = await response.Content.ReadAsStringAsync(token);
            }
            else
            {
                await response.Content.CopyToAsync(Stream.Null, token);
            }

            var status = (int)response.StatusCode;
            var kind = status >= 500 ? ErrorKind.Server5xx : status >= 400 ? ErrorKind.Client4xx : ErrorKind.None;
            return new Outcome(Micros(from), status, kind, text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(Micros(from), null, ErrorKind.Timeout, null);
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(Micros(from), null, Classify(ex), null);
        }
        catch (IOException)
        {
            return new Outcome(Micros(from), null, ErrorKind.Reset, null);
        }
        finally
        {
            deadline.Disarm();
        }
    }

    /// <summary>
    /// Recorded credentials are somebody's: they are never replayed (nor written anywhere). The canary's own
    /// auth comes from the canary-auth-header secret.
    /// </summary>
    public static bool IsSensitive(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || header.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)
        || header.Contains("token", StringComparison.OrdinalIgnoreCase) || header.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || header.Contains("api-key", StringComparison.OrdinalIgnoreCase) || header.Contains("apikey", StringComparison.OrdinalIgnoreCase)
        || header.Contains("session", StringComparison.OrdinalIgnoreCase);

    private long Micros(long from) => (long)(time.GetElapsedTime(from).TotalMilliseconds * 1000);

    /// <summary>Names the transport failure.</summary>
    internal static ErrorKind Classify(HttpRequestException exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException:
                    return ErrorKind.Tls;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return ErrorKind.Refused;
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted }:
                    return ErrorKind.Reset;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return ErrorKind.Dns;
            }
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => ErrorKind.Dns,
            HttpRequestError.SecureConnectionError => ErrorKind.Tls,
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => ErrorKind.Reset,
            HttpRequestError.ConnectionError => ErrorKind.Refused,
            _ => ErrorKind.OtherTransport,
        };
    }
}
