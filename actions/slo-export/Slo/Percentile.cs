namespace Bookiji.Actions.SloExport.Slo;

/// <summary>Nearest-rank percentiles: always a value that was measured, never an interpolation.</summary>
public static class Percentile
{
    /// <summary>The <paramref name="percent"/>th percentile of <paramref name="sorted"/> (ascending); null when empty.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
