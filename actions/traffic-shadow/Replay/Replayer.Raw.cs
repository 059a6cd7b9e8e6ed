using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow.Replay;

public sealed partial class Replayer
{
    /// <summary>The request as HTTP/1.1 bytes, with the same header rules as the HttpClient engine.</summary>
    private static byte[] RawRequest(TrafficRequest request, Uri uri, ReplayOptions options)
    {
        var text = new StringBuilder();
        text.Append(request.Method).Append(' ').Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        text.Append("Host: ").Append(options.HostHeader ?? uri.Authority).Append("\r\n");
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
        headers.TryAdd("User-Agent", "bookiji-traffic-shadow/1.0");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)).Append("\r\n");
        }

        var body = request.Body is null ? [] : Encoding.UTF8.GetBytes(request.Body);
        if (request.Body is not null)
        {
            var type = request.Headers.TryGetValue("Content-Type", out var t) ? t : request.Body.TrimStart().StartsWith('{') || request.Body.TrimStart().StartsWith('[') ? "application/json" : "text/plain";
            text.Append("Content-Type: ").Append(type).Append("\r\n");
        }

        if (request.Body is not null || request.Method is "POST" or "PUT" or "PATCH")
        {
            text.Append("Content-Length: ").Append(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n");
        }

        text.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(text.ToString()), .. body];
    }
}
