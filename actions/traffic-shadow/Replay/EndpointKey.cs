using System.Text.RegularExpressions;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>Groups requests by method and path template: ids (numbers, UUIDs, long hex) become <c>{id}</c>; the query is dropped.</summary>
public static partial class EndpointKey
{
    /// <summary>e.g. <c>GET /api/bookings/{id}</c> for <c>GET /api/bookings/42?x=1</c>.</summary>
    public static string For(string method, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query < 0 ? path : path[..query];
        return method + " " + IdSegment().Replace(bare, "/{id}");
    }

    [GeneratedRegex(@"/(?:\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,})(?=/|$)")]
    private static partial Regex IdSegment();
}
