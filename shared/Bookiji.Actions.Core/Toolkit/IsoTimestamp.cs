using System.Globalization;

namespace Bookiji.Actions.Core.Toolkit;

/// <summary>The brief's timestamp form, used in every file the actions write: ISO-8601 UTC to the second.</summary>
public static class IsoTimestamp
{
    /// <summary>e.g. <c>2025-12-07T10:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
