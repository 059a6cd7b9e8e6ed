namespace Bookiji.Actions.EphemeralEnv.Sweep;

/// <summary>What the sweep does with one environment, and why.</summary>
/// <param name="SchemaName">The schema.</param>
/// <param name="AppEnv">The environment id.</param>
/// <param name="Remove">True to destroy it.</param>
/// <param name="Reason">Why, in words for the summary.</param>
public sealed record SweepDecision(string SchemaName, string AppEnv, bool Remove, string Reason);
