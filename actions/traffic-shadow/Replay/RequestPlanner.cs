using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// The one set of request rules both targets use: which headers go out (recorded credentials and hop-by-hop
/// headers never; nothing that would break a header line), and which URI each request goes to — always the
/// target's own origin and path joined with the request's origin-form path, checked before anything is sent.
/// An entry that breaks a rule is refused and named; the others are replayed.
/// </summary>
public static partial class RequestPlanner
{
    private const string UserAgent = "bookiji-traffic-shadow/1.0";

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Accept-Encoding",
    };

    /// <summary>Prepares every request; returns those that may be sent and, for the others, why not (naming the entry).</summary>
    public static (IReadOnlyList<PreparedRequest> Prepared, IReadOnlyList<string> Refused) Prepare(
        IReadOnlyList<TrafficRequest> requests, UserUrl canary, UserUrl? baseline, ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(canary);
        ArgumentNullException.ThrowIfNull(options);
        var prepared = new List<PreparedRequest>(requests.Count);
        var refused = new List<string>();
        foreach (var request in requests)
        {
            var (item, problem) = PrepareOne(request, canary, baseline, options);
            if (item is null)
            {
                refused.Add($"{RequestGuard.Describe(request)}: {problem}; refused.");
            }
            else
            {
                prepared.Add(item);
            }
        }

        return (prepared, refused);
    }

    /// <summary>
    /// The URI for <paramref name="path"/> on <paramref name="target"/>, or null when the result would not be on the
    /// target's own scheme, host and port (e.g. <c>/http://other-host/steal</c> must never reach other-host).
    /// </summary>
    public static Uri? Target(UserUrl target, string path)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal))
        {
            return null;
        }

        var uri = target.Join(path);
        return uri.IsAbsoluteUri && uri.Scheme == target.Uri.Scheme && string.Equals(uri.Host, target.Uri.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == target.Uri.Port && uri.UserInfo.Length == 0
            ? uri
            : null;
    }

    private static (PreparedRequest? Item, string? Problem) PrepareOne(TrafficRequest request, UserUrl canary, UserUrl? baseline, ReplayOptions options)
    {
        try
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in request.Headers)
            {
                if (HopByHop.Contains(name) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || HeaderRules.IsCredential(name, options.ReplayHeaders))
                {
                    continue;
                }

                if (!HeaderRules.IsValidName(name) || !HeaderRules.IsValidValue(value))
                {
                    return (null, $"header '{Shorten(name)}' has a character a header line cannot carry (CR, LF, another control character, or one past ASCII)");
                }

                headers[name] = value;
            }

            headers["X-Shadow-Request"] = "true";
            headers.TryAdd("User-Agent", UserAgent);
            var baselineHeaders = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in options.CanaryHeaders)
            {
                headers[name] = value;
            }

            foreach (var (name, value) in options.BaselineHeaders)
            {
                baselineHeaders[name] = value;
            }
            if (request.Body is { } body)
            {
                var type = ContentType(request, body);
                if (!HeaderRules.IsValidValue(type))
                {
                    return (null, "its Content-Type has a character a header line cannot carry");
                }
            }

            if (SchemeBehindSlash().Match(request.Path) is { Success: true } scheme)
            {
                // '/http://other/x', '/ftp://x', '/mailto:a': an absolute URL mangled into a path, never meant for this host.
                return (null, $"its path is an absolute URL behind a slash ('{scheme.Groups[1].Value}:')");
            }

            var canaryUri = Target(canary, request.Path);
            var baselineUri = baseline is null ? null : Target(baseline, request.Path);
            if (canaryUri is null || (baseline is not null && baselineUri is null))
            {
                return (null, "its path is not an origin-form path on the canary and baseline (it would reach another host)");
            }

            // The baseline is often production: only the methods it may receive go there (safe ones by default).
            var toBaseline = baselineUri is not null && options.BaselineMethods.Contains(request.Method) ? baselineUri : null;
            return (new PreparedRequest(request, new HttpMethod(request.Method), canaryUri, toBaseline, EndpointKey.For(request.Method, request.Path), headers, baselineHeaders), null);
        }
        catch (Exception ex) when (ex is UriFormatException or FormatException or ArgumentException or InvalidOperationException)
        {
            return (null, $"not a valid request ({ex.Message})");
        }
    }

    /// <summary>The body's content type: as recorded, else JSON when it looks like JSON, else plain text.</summary>
    public static string ContentType(TrafficRequest request, string body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        return request.Headers.TryGetValue("Content-Type", out var type) ? type
            : body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[') ? "application/json" : "text/plain";
    }

    [GeneratedRegex("^/+([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex SchemeBehindSlash();

    private static string Shorten(string text)
    {
        // The name may hold the very CR/LF being refused: never echo control characters into a message.
        var visible = new string([.. text.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 80 ? visible + "…" : visible;
    }
}
