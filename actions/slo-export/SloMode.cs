namespace Bookiji.Actions.SloExport;

/// <summary>What one run of the action does.</summary>
public enum SloMode
{
    /// <summary>Reads the CI metrics files and writes the SLO summary, timeseries and dashboards (the brief's export-slo).</summary>
    Export,

    /// <summary>Writes this CI run's metrics file from a Playwright JSON report or JUnit XML.</summary>
    Record,
}
