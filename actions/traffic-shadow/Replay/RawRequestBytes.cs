using System.Globalization;
using System.Text;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>A prepared request as HTTP/1.1 bytes for the raw engine, built once per request and target.</summary>
internal static class RawRequestBytes
{
    /// <summary>
    /// The request line, Host, the prepared headers (already refused by <see cref="RequestPlanner"/> if they held
    /// CR, LF or other control characters), the body's type and length, and the body.
    /// </summary>
    public static byte[] Build(PreparedRequest item, Uri uri, bool baseline, string? hostHeader)
    {
        var request = item.Request;
        var text = new StringBuilder();
        text.Append(request.Method).Append(' ').Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        text.Append("Host: ").Append(hostHeader ?? uri.Authority).Append("\r\n");
        foreach (var (name, value) in item.HeadersFor(baseline))
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var body = request.Body is null ? [] : Encoding.UTF8.GetBytes(request.Body);
        if (request.Body is not null)
        {
            text.Append("Content-Type: ").Append(RequestPlanner.ContentType(request, request.Body)).Append("\r\n");
        }

        if (request.Body is not null || request.Method is "POST" or "PUT" or "PATCH")
        {
            text.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        text.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(text.ToString()), .. body];
    }
}
