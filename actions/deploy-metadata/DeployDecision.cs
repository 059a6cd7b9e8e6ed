namespace Bookiji.Actions.DeployMetadata;

/// <summary>What the run does with the record file.</summary>
public enum DeployDecisionKind
{
    /// <summary>No record exists for this SHA: write it.</summary>
    Create,

    /// <summary>The same deploy is already recorded: keep the file unchanged.</summary>
    KeepExisting,

    /// <summary>A different deploy is recorded under this SHA: refuse to overwrite.</summary>
    Conflict,
}

/// <summary>The decision and the record that stands after it.</summary>
/// <param name="Kind">What happens to the file.</param>
/// <param name="Record">The record that stands afterwards (for a conflict, the existing one).</param>
/// <param name="ConflictWith">For a conflict, which earlier record it conflicts with.</param>
public sealed record DeployDecision(DeployDecisionKind Kind, DeployRecord Record, DeployRecordSource? ConflictWith = null);
