namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>What the impact data did for a plan: its age, each changed file's verdict, and the tests failing or flaking of late.</summary>
public sealed record ImpactReport
{
    /// <summary>The analysed commit.</summary>
    public required string Commit { get; init; }

    /// <summary>When the data was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Commits between the analysed commit and the plan's base; null when unknown.</summary>
    public int? AgeCommits { get; init; }

    /// <summary>Each modified source file's verdict (tests omitted: the plan's tests carry their reasons).</summary>
    public IReadOnlyList<FileImpact> Files { get; init; } = [];

    /// <summary>Tests that failed or flaked in the last runs the data records, with those outcomes (oldest first).</summary>
    public IReadOnlyList<(string Test, string Outcomes)> RecentFailures { get; init; } = [];

    /// <summary>Tests that flaked (failed, then passed on retry) in the last runs.</summary>
    public IReadOnlyList<(string Test, string Outcomes)> Flaky { get; init; } = [];

    /// <summary>Share of the changed source files the data decided (lines or file level), 0–1.</summary>
    public double DecidedShare => Files.Count == 0 ? 0 : Math.Round((double)Files.Count(f => f.Evidence is ImpactEvidence.Lines or ImpactEvidence.File) / Files.Count, 4);
}
