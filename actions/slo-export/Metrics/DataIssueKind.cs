namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>What is wrong with a metrics file; each kind is counted and its files named.</summary>
public enum DataIssueKind
{
    /// <summary>Not JSON, not an object, a field of the wrong type, too large or unreadable: the file is skipped.</summary>
    Malformed,

    /// <summary>Required fields missing or invalid (negative counts, bad timestamp): the file is skipped.</summary>
    Incomplete,

    /// <summary>The timestamp is in the future: the file is skipped.</summary>
    FutureTimestamp,

    /// <summary>Another file has the same run id: the run is counted once.</summary>
    DuplicateRun,

    /// <summary>Negative or non-finite latency samples: those samples are dropped, the run is kept.</summary>
    InvalidLatency,

    /// <summary>Health counts that cannot be (failures &gt; checks, negative): health is dropped, the run is kept.</summary>
    InvalidHealth,

    /// <summary>More files than <c>max-files</c>: the oldest by modification time are not read.</summary>
    NotRead,

    /// <summary>An artifact that could not be listed, downloaded or extracted.</summary>
    Download,
}
