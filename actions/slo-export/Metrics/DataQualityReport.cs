using Bookiji.Actions.SloExport.Output;

namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>Groups the issues met while loading into the summary's <c>dataQuality</c> block (pure).</summary>
public static class DataQualityReport
{
    /// <summary>Files named per kind in the summary file; the count is always complete.</summary>
    public const int FilesListed = 100;

    /// <summary>The kind's name in files and annotations, e.g. <c>duplicate_run</c>.</summary>
    public static string KindName(DataIssueKind kind) => kind switch
    {
        DataIssueKind.Malformed => "malformed",
        DataIssueKind.Incomplete => "incomplete",
        DataIssueKind.FutureTimestamp => "future_timestamp",
        DataIssueKind.DuplicateRun => "duplicate_run",
        DataIssueKind.InvalidLatency => "invalid_latency",
        DataIssueKind.InvalidHealth => "invalid_health",
        DataIssueKind.NotRead => "not_read",
        _ => "download",
    };

    /// <summary>What happened to the files of a kind.</summary>
    public static string Effect(DataIssueKind kind) => kind switch
    {
        DataIssueKind.Malformed or DataIssueKind.Incomplete or DataIssueKind.FutureTimestamp => "file skipped",
        DataIssueKind.DuplicateRun => "run counted once",
        DataIssueKind.InvalidLatency => "bad samples dropped, run kept",
        DataIssueKind.InvalidHealth => "health ignored, run kept",
        DataIssueKind.NotRead => "not read (over max-files)",
        _ => "artifact skipped, the rest kept",
    };

    /// <summary>Builds the block; issues are ordered by kind, then file name, so the output is deterministic.</summary>
    public static SloDataQuality Build(int filesFound, int filesRead, int runsAccepted, IEnumerable<DataIssue> issues, int notReadBeyondListed = 0)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return new SloDataQuality
        {
            FilesFound = filesFound,
            FilesRead = filesRead,
            RunsAccepted = runsAccepted,
            Issues =
            [
                .. issues.GroupBy(i => i.Kind).OrderBy(g => g.Key).Select(g =>
                {
                    var ordered = g.OrderBy(i => i.File, StringComparer.Ordinal).ToList();
                    return new SloIssueGroup
                    {
                        Kind = KindName(g.Key),
                        Count = ordered.Count + (g.Key == DataIssueKind.NotRead ? notReadBeyondListed : 0),
                        Effect = Effect(g.Key),
                        Files = [.. ordered.Take(FilesListed).Select(i => new SloIssueFile { File = i.File, Detail = i.Detail })],
                    };
                }),
            ],
        };
    }
}
