namespace Bookiji.Actions.TrafficShadow.Results;

/// <summary>What the results say about the run besides the numbers: targets (credentials stripped) and shape.</summary>
/// <param name="CanaryUrl">The canary's URL as given, without <c>user:password@</c>.</param>
/// <param name="BaselineUrl">The baseline's, likewise.</param>
/// <param name="Concurrency">Workers.</param>
/// <param name="Shard">This shard, e.g. <c>1/2</c>, or <c>merged</c>.</param>
/// <param name="Notes">Skipped or refused entries and other notes.</param>
public sealed record RunContext(string? CanaryUrl, string? BaselineUrl, int Concurrency, string Shard, IReadOnlyList<string> Notes);
