using System.Globalization;
using System.Text;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>The one set of request rules both engines use: which headers go out, the body's type, the raw bytes.</summary>
public sealed partial class Replayer
{
    private const string UserAgent = "bookiji-traffic-shadow/1.0";

    /// <summary>
    /// The headers sent with a request (Host aside): the recorded ones minus hop-by-hop, content and credential
    /// headers, then the configured extra headers, then <c>X-Shadow-Request: true</c> and a User-Agent if none.
    /// </summary>
    private static Dictionary<string, string> OutgoingHeaders(TrafficRequest request, ReplayOptions options)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            if (!DroppedHeaders.Contains(name) && !name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && !IsSensitive(name))
            {
                headers[name] = value;
            }
        }

        foreach (var (name, value) in options.ExtraHeaders)
        {
            headers[name] = value;
        }

        headers["X-Shadow-Request"] = "true";
        headers.TryAdd("User-Agent", UserAgent);
        return headers;
    }

    /// <summary>The body's content type: as recorded, else JSON when it looks like JSON, else plain text.</summary>
    private static string ContentType(TrafficRequest request, string body) =>
        request.Headers.TryGetValue("Content-Type", out var type) ? type
        : body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[') ? "application/json" : "text/plain";

    /// <summary>The request as HTTP/1.1 bytes for the raw engine.</summary>
    private static byte[] RawRequest(TrafficRequest request, IReadOnlyDictionary<string, string> headers, Uri uri, ReplayOptions options)
    {
        var text = new StringBuilder();
        text.Append(request.Method).Append(' ').Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        text.Append("Host: ").Append(options.HostHeader ?? uri.Authority).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)).Append("\r\n");
        }

        var body = request.Body is null ? [] : Encoding.UTF8.GetBytes(request.Body);
        if (request.Body is not null)
        {
            text.Append("Content-Type: ").Append(ContentType(request, request.Body)).Append("\r\n");
        }

        if (request.Body is not null || request.Method is "POST" or "PUT" or "PATCH")
        {
            text.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        text.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(text.ToString()), .. body];
    }
}
