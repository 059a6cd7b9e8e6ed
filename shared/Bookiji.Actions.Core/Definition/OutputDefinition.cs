namespace Bookiji.Actions.Core.Definition;

/// <summary>One output of an action, declared once.</summary>
/// <param name="Name">The output's name, e.g. <c>shard-matrix</c>.</param>
/// <param name="Description">What it holds.</param>
/// <param name="Secret">Whether the value is masked (it then cannot cross jobs).</param>
public sealed record OutputDefinition(string Name, string Description, bool Secret = false);
