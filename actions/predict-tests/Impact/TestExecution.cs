using Bookiji.Actions.PredictTests.Impact.Coverage;

namespace Bookiji.Actions.PredictTests.Impact;

/// <summary>What one test file executed, read from its coverage file.</summary>
/// <param name="Test">The test file, repository-relative.</param>
/// <param name="Files">Source file (repository-relative) → what the test executed of it.</param>
public sealed record TestExecution(string Test, IReadOnlyDictionary<string, FileExecution> Files);
