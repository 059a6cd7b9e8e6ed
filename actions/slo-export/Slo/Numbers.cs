namespace Bookiji.Actions.SloExport.Slo;

/// <summary>How figures are rounded in files: enough digits for a 99.999 % target, no binary noise.</summary>
public static class Numbers
{
    /// <summary>Percentages and milliseconds: 3 decimals.</summary>
    public static double? Round3(double? value) => value is { } v ? Math.Round(v, 3, MidpointRounding.AwayFromZero) : null;

    /// <summary>Fractions and burn rates: 4 decimals.</summary>
    public static double? Round4(double? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>A ratio, or null when there is nothing to divide by (never NaN, never an implied 100 %).</summary>
    public static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;
}
