namespace Bookiji.Actions.Core.Definition;

/// <summary>One output of an action, declared once.</summary>
/// <param name="Name">The output's name, e.g. <c>shard-matrix</c>.</param>
/// <param name="Description">What it holds.</param>
/// <param name="Secret">Whether the value is masked (it then cannot cross jobs).</param>
public sealed record OutputDefinition(string Name, string Description, bool Secret = false)
{
    /// <summary>
    /// The value this output takes whenever the run fails (an input error, an upstream failure, a bug), chosen so a
    /// gate reading it fails closed, e.g. <c>verdict: error</c>; null when the output is not a decision.
    /// </summary>
    public string? OnError { get; init; }
}
