namespace Bookiji.Actions.PredictTests.Impact.Diff;

/// <summary>One hunk of a zero-context unified diff (<c>@@ -OldStart,OldCount +NewStart,NewCount @@</c>).</summary>
/// <param name="OldStart">First old line; for a pure insertion (<paramref name="OldCount"/> 0), the old line it follows (0: the top).</param>
/// <param name="OldCount">Old lines replaced or removed.</param>
/// <param name="NewStart">First new line; for a pure deletion, the new line it follows.</param>
/// <param name="NewCount">New lines.</param>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount)
{
    /// <summary>The lines it adds, joined by newlines; null when they were not kept (over the bound).</summary>
    public string? Added { get; init; }

    /// <summary>The lines it removes, joined by newlines; null when they were not kept (over the bound).</summary>
    public string? Removed { get; init; }

    /// <summary>Whether it only adds lines.</summary>
    public bool IsInsertion => OldCount == 0;

    /// <summary>The last old line it replaces (for an insertion, the line before it).</summary>
    public int OldEnd => OldCount == 0 ? OldStart : OldStart + OldCount - 1;
}
