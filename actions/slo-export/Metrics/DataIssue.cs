namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>One problem with one file.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="File">The file (relative to the metrics folder) or artifact it concerns.</param>
/// <param name="Detail">What exactly, in a sentence fragment.</param>
public sealed record DataIssue(DataIssueKind Kind, string File, string Detail)
{
    /// <summary>Whether the file was left out entirely (rather than used in part or counted once).</summary>
    public bool Excluded => Kind is DataIssueKind.Malformed or DataIssueKind.Incomplete or DataIssueKind.FutureTimestamp or DataIssueKind.NotRead;
}
