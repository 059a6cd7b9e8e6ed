namespace Bookiji.Actions.EphemeralEnv.Sweep;

/// <summary>The PR states the sweep could read, and why the others are unknown.</summary>
/// <param name="States">Open (true) or closed (false) for each number read.</param>
/// <param name="Problems">One line per number that could not be read.</param>
public sealed record PullRequestLookup(IReadOnlyDictionary<int, bool> States, IReadOnlyList<string> Problems);
