namespace Bookiji.Actions.TrafficShadow.Samples;

/// <summary>
/// Keeps replay on the canary and baseline hosts and within the allowed methods: absolute URLs must name one
/// of those hosts (they are rewritten to their path), anything else is refused; HAR and access-log traffic
/// replays only safe methods unless <c>allow-methods</c> widens it.
/// </summary>
public static class RequestGuard
{
    /// <summary>The methods replayed from imported traffic by default.</summary>
    public static readonly IReadOnlySet<string> SafeMethods = new HashSet<string>(StringComparer.Ordinal) { "GET", "HEAD", "OPTIONS" };

    /// <summary>Filters and normalizes the sample; returns what may be replayed and what was refused, with why.</summary>
    public static (IReadOnlyList<TrafficRequest> Allowed, IReadOnlyList<string> Refused) Apply(
        SampleLoad sample, IReadOnlySet<string> allowedHosts, IReadOnlySet<string>? allowMethods)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        var methods = allowMethods ?? (sample.Format == "json" ? SampleReader.KnownMethods : SafeMethods);
        var allowed = new List<TrafficRequest>();
        var refused = new List<string>();
        for (var i = 0; i < sample.Requests.Count; i++)
        {
            var request = sample.Requests[i];
            if (!methods.Contains(request.Method))
            {
                refused.Add($"{Describe(request)}: method not allowed for {sample.Format} traffic (allow-methods: {string.Join(",", methods)}).");
                continue;
            }

            var path = NormalizePath(request.Path, allowedHosts);
            if (path is null)
            {
                refused.Add($"{Describe(request)}: points outside the canary and baseline hosts; refused.");
                continue;
            }

            allowed.Add(request with { Path = path });
        }

        return (allowed, refused);
    }

    /// <summary>
    /// An entry as messages name it: where it was read, its method and path — the query left out (recorded queries
    /// may carry tokens) and the path capped at 80 characters.
    /// </summary>
    public static string Describe(TrafficRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Path.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? request.Path : request.Path[..query] + "?…";
        return $"{request.Source} ({request.Method} {(path.Length > 80 ? path[..80] + "…" : path)})";
    }

    /// <summary>The path to request, or <c>null</c> when the target would leave the allowed hosts.</summary>
    public static string? NormalizePath(string path, IReadOnlySet<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
        {
            return null; // protocol-relative or backslash tricks resolve to another host
        }

        if (path.StartsWith('/'))
        {
            return path;
        }

        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute))
        {
            return (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps) && allowedHosts.Contains(absolute.Authority.ToLowerInvariant())
                ? absolute.PathAndQuery
                : null;
        }

        return null;
    }
}
