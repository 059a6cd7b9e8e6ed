namespace Bookiji.Actions.PredictTests.Changes;

/// <summary>How a file changed.</summary>
public enum ChangeKind
{
    /// <summary>Added.</summary>
    Added,

    /// <summary>Modified (or type-changed, copied).</summary>
    Modified,

    /// <summary>Deleted.</summary>
    Removed,

    /// <summary>Renamed: <see cref="ChangedFile.PreviousPath"/> holds the old path.</summary>
    Renamed,
}

/// <summary>One changed file; a rename counts for both its paths.</summary>
/// <param name="Path">The path after the change (for a removal, the removed path).</param>
/// <param name="Kind">How it changed.</param>
/// <param name="PreviousPath">For a rename, the path before.</param>
public sealed record ChangedFile(string Path, ChangeKind Kind, string? PreviousPath = null)
{
    /// <summary>Every path the change touches: both sides of a rename.</summary>
    public IEnumerable<string> Paths => PreviousPath is null ? [Path] : [Path, PreviousPath];
}
