namespace Bookiji.Actions.TrafficShadow.Samples;

/// <summary>A loaded sample: the requests to replay and every entry that was skipped, with why.</summary>
/// <param name="Requests">The requests.</param>
/// <param name="Skipped">Messages naming the entry (index or line) and the reason.</param>
/// <param name="Format">json, har or access-log.</param>
public sealed record SampleLoad(IReadOnlyList<TrafficRequest> Requests, IReadOnlyList<string> Skipped, string Format);
