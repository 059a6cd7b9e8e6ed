namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>What the migration step did.</summary>
/// <param name="Applied">Files applied by this run.</param>
/// <param name="AlreadyApplied">Files applied earlier (skipped).</param>
/// <param name="ChangedSinceApplied">Files applied earlier whose text has changed since (not re-applied).</param>
/// <param name="Failure">The file that failed, if any (it was rolled back; later files were not run).</param>
public sealed record MigrationReport(
    IReadOnlyList<string> Applied,
    IReadOnlyList<string> AlreadyApplied,
    IReadOnlyList<string> ChangedSinceApplied,
    MigrationFailure? Failure);

/// <summary>A failed migration, located in its file.</summary>
/// <param name="File">The file name.</param>
/// <param name="Line">The 1-based line of the error.</param>
/// <param name="SqlState">PostgreSQL's error code.</param>
/// <param name="Message">PostgreSQL's message.</param>
public sealed record MigrationFailure(string File, int Line, string SqlState, string Message);
