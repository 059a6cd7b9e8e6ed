using Bookiji.Actions.PredictTests.Changes;
using Bookiji.Actions.PredictTests.Config;
using Bookiji.Actions.PredictTests.Graph;
using Bookiji.Actions.PredictTests.History;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>Everything the pure planner looks at.</summary>
public sealed record PlanInput
{
    /// <summary>The changed files.</summary>
    public required ChangeSet Changes { get; init; }

    /// <summary>The test map; null when there is none (the graph plans alone) or it is unusable (see <see cref="MapProblems"/>).</summary>
    public TestMap? Map { get; init; }

    /// <summary>Why the map is unusable; empty when it is simply absent.</summary>
    public IReadOnlyList<string> MapProblems { get; init; } = [];

    /// <summary>Every test file of the repository (test globs ∪ existing map tests).</summary>
    public required IReadOnlySet<string> AllTests { get; init; }

    /// <summary>Files the test globs match that the runner configs in scope do not run: helpers, never tests.</summary>
    public IReadOnlySet<string> NotTests { get; init; } = new HashSet<string>();

    /// <summary>The import graph, when one was built.</summary>
    public ImportGraph? Graph { get; init; }

    /// <summary>The runner of each test file; a test missing here is <see cref="PredictTests.Runners.TestRunners.Unknown"/>.</summary>
    public IReadOnlyDictionary<string, string> Runners { get; init; } = new Dictionary<string, string>();

    /// <summary>Historical durations in seconds by test file.</summary>
    public IReadOnlyDictionary<string, double> Durations { get; init; } = new Dictionary<string, double>();

    /// <summary>Earlier commits to rank hub-wide selections by co-change; null keeps the import-graph selection.</summary>
    public CoChangeWindow? History { get; init; }

    /// <summary>Why there is no history (shallow clone, git failed, ...), for the plan's note.</summary>
    public string? HistoryNote { get; init; }

    /// <summary>Impact data and the change's lines; null plans by the import graph alone.</summary>
    public Impact.ImpactPlanInput? Impact { get; init; }

    /// <summary>Predictive selection switched off (CI_PREDICTIVE_OFF / disabled).</summary>
    public bool Disabled { get; init; }
}
