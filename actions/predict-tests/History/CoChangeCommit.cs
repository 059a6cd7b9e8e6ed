namespace Bookiji.Actions.PredictTests.History;

/// <summary>One past commit and the files it changed.</summary>
/// <param name="Sha">Its full SHA.</param>
/// <param name="Files">The paths it changed (renames as removal + addition).</param>
public sealed record CoChangeCommit(string Sha, IReadOnlyList<string> Files);
