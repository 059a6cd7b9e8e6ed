using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bookiji.Actions.TrafficShadow.Samples;

/// <summary>
/// Reads the traffic sample: the brief's JSON array of <c>{method, path, body?, headers?}</c>, a HAR file, or an
/// nginx/Apache combined access log. Bad entries are skipped and reported by index or line; nothing else is lost.
/// </summary>
public static partial class SampleReader
{
    /// <summary>Methods a request may use.</summary>
    public static readonly IReadOnlySet<string> KnownMethods = new HashSet<string>(StringComparer.Ordinal) { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" };

    /// <summary>Reads a sample from text; <paramref name="name"/> (the file name) helps pick the format.</summary>
    public static SampleLoad Read(string text, string name, int maxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException ex)
            {
                return new SampleLoad([], [$"{name} is not valid JSON ({ex.Message})."], "json");
            }

            using (doc)
            {
                return doc.RootElement.ValueKind == JsonValueKind.Array ? ReadJson(doc.RootElement, name, maxBodyBytes) : ReadHar(doc.RootElement, name, maxBodyBytes);
            }
        }

        return ReadAccessLog(text, name);
    }

    private static SampleLoad ReadJson(JsonElement array, string name, int maxBodyBytes)
    {
        var requests = new List<TrafficRequest>();
        var skipped = new List<string>();
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var at = $"{name}[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                skipped.Add($"{at}: not an object; skipped.");
                continue;
            }

            var method = entry.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()!.ToUpperInvariant() : null;
            var path = entry.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            if (method is null || path is null)
            {
                skipped.Add($"{at}: needs string 'method' and 'path'; skipped.");
                continue;
            }

            if (!KnownMethods.Contains(method))
            {
                skipped.Add($"{at}: unknown method '{method}' (use {string.Join(", ", KnownMethods)}); skipped.");
                continue;
            }

            string? body = null;
            if (entry.TryGetProperty("body", out var b) && b.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined)
            {
                body = b.ValueKind == JsonValueKind.String ? b.GetString() : b.GetRawText();
            }

            if (body is not null && System.Text.Encoding.UTF8.GetByteCount(body) > maxBodyBytes)
            {
                skipped.Add($"{at}: body over {maxBodyBytes} bytes (max-body); skipped.");
                continue;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (entry.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in h.EnumerateObject().Where(x => x.Value.ValueKind == JsonValueKind.String))
                {
                    headers[header.Name] = header.Value.GetString()!;
                }
            }

            double? offset = entry.TryGetProperty("offsetMs", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetDouble() : null;
            requests.Add(new TrafficRequest(method, path, body, headers, offset, at));
        }

        return new SampleLoad(requests, skipped, "json");
    }

    private static SampleLoad ReadHar(JsonElement root, string name, int maxBodyBytes)
    {
        if (!root.TryGetProperty("log", out var log) || !log.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return new SampleLoad([], [$"{name}: neither a JSON array of requests nor a HAR file (log.entries)."], "har");
        }

        var requests = new List<TrafficRequest>();
        var skipped = new List<string>();
        DateTimeOffset? first = null;
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var at = $"{name} entry {index++}";
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object
                || !request.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String || !request.TryGetProperty("url", out var u) || u.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(u.GetString(), UriKind.Absolute, out var url))
            {
                skipped.Add($"{at}: no request method and absolute url; skipped.");
                continue;
            }

            var method = m.GetString()!.ToUpperInvariant();
            string? body = request.TryGetProperty("postData", out var post) && post.ValueKind == JsonValueKind.Object && post.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (body is not null && System.Text.Encoding.UTF8.GetByteCount(body) > maxBodyBytes)
            {
                skipped.Add($"{at}: body over {maxBodyBytes} bytes (max-body); skipped.");
                continue;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (request.TryGetProperty("headers", out var hs) && hs.ValueKind == JsonValueKind.Array)
            {
                foreach (var header in hs.EnumerateArray())
                {
                    var headerName = header.ValueKind == JsonValueKind.Object && header.TryGetProperty("name", out var hn) && hn.ValueKind == JsonValueKind.String ? hn.GetString() : null;
                    if (headerName is not null && !headerName.StartsWith(':') && header.TryGetProperty("value", out var hv) && hv.ValueKind == JsonValueKind.String)
                    {
                        headers[headerName] = hv.GetString() ?? string.Empty;
                    }
                }
            }

            double? offset = null;
            if (entry.TryGetProperty("startedDateTime", out var started) && started.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(started.GetString(), CultureInfo.InvariantCulture, out var when))
            {
                first ??= when;
                offset = (when - first.Value).TotalMilliseconds;
            }

            requests.Add(new TrafficRequest(method, url.PathAndQuery, body, headers, offset, at));
        }

        return new SampleLoad(requests, skipped, "har");
    }

    private static SampleLoad ReadAccessLog(string text, string name)
    {
        var requests = new List<TrafficRequest>();
        var skipped = new List<string>();
        DateTimeOffset? first = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var match = CombinedLog().Match(line);
            if (!match.Success)
            {
                skipped.Add($"{name} line {i + 1}: not in combined log format; skipped.");
                continue;
            }

            double? offset = null;
            if (DateTimeOffset.TryParseExact(match.Groups["time"].Value, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var when))
            {
                first ??= when;
                offset = (when - first.Value).TotalMilliseconds;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (match.Groups["agent"].Success && match.Groups["agent"].Value is { Length: > 0 } agent && agent != "-")
            {
                headers["User-Agent"] = agent;
            }

            requests.Add(new TrafficRequest(match.Groups["method"].Value.ToUpperInvariant(), match.Groups["path"].Value, null, headers, offset, $"{name} line {i + 1}"));
        }

        return new SampleLoad(requests, skipped, "access-log");
    }

    [GeneratedRegex("""^\S+ \S+ \S+ \[(?<time>[^\]]+)\] "(?<method>[A-Za-z]+) (?<path>\S+)(?: [^"]*)?" (?<status>\d{3}) \S+(?: "(?<referer>[^"]*)" "(?<agent>[^"]*)")?""")]
    private static partial Regex CombinedLog();
}
