namespace Bookiji.Actions.SloExport.Metrics;

/// <summary>What loading the metrics folder produced: validated runs (not yet de-duplicated) and the issues met.</summary>
/// <param name="Runs">Runs whose files were sound.</param>
/// <param name="Issues">Every problem, one per file.</param>
/// <param name="FilesFound">JSON files found.</param>
/// <param name="FilesRead">Files read (at most max-files).</param>
/// <param name="NotReadBeyondListed">Files not read beyond those named in <paramref name="Issues"/>.</param>
/// <param name="FolderMissing">The folder does not exist.</param>
public sealed record MetricsLoad(
    IReadOnlyList<CiRun> Runs,
    IReadOnlyList<DataIssue> Issues,
    int FilesFound,
    int FilesRead,
    int NotReadBeyondListed,
    bool FolderMissing);
