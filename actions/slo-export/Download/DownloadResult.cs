using Bookiji.Actions.SloExport.Metrics;

namespace Bookiji.Actions.SloExport.Download;

/// <summary>What the artifact download brought: counts and every problem (each one a warning, never a failure).</summary>
/// <param name="Listed">Matching, unexpired artifacts chosen for download.</param>
/// <param name="Downloaded">Artifacts downloaded and extracted.</param>
/// <param name="FilesExtracted">Metrics files written into metrics-dir.</param>
/// <param name="Issues">Problems with the list or with single artifacts.</param>
public sealed record DownloadResult(int Listed, int Downloaded, int FilesExtracted, IReadOnlyList<DataIssue> Issues);
