using System.Text.Json.Serialization;

namespace Bookiji.Actions.EphemeralEnv.Sweep;

/// <summary>Source-generated JSON for the GitHub answers the sweep reads and its <c>removed</c> output (one line).</summary>
[JsonSerializable(typeof(PullRequestState))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class SweepJsonContext : JsonSerializerContext;
