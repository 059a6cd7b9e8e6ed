using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.TrafficShadow;

/// <summary>Inputs of <c>mode: replay</c>.</summary>
public sealed record ReplayModeInputs : TrafficShadowInputs
{
    /// <summary>The canary's base URL; null when it comes from <see cref="CanaryFile"/> (read at the I/O edge).</summary>
    public UserUrl? CanaryUrl { get; init; }

    /// <summary>The file holding the canary URL when <see cref="CanaryUrl"/> is not set (absolute, inside the workspace).</summary>
    public required string CanaryFile { get; init; }

    /// <summary>The baseline's base URL, for a relative judgement.</summary>
    public UserUrl? BaselineUrl { get; init; }

    /// <summary>The traffic sample (absolute, inside the workspace; it exists).</summary>
    public required string SamplePath { get; init; }

    /// <summary>Methods allowed (null: the source's default).</summary>
    public IReadOnlySet<string>? AllowMethods { get; init; }

    /// <summary>The load shape and request rules.</summary>
    public required ReplayOptions Replay { get; init; }

    /// <summary>Accept any TLS certificate (self-signed canaries).</summary>
    public bool SkipTlsVerify { get; init; }
}
