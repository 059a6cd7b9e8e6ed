namespace Bookiji.Actions.Core.Http;

/// <summary>
/// What a probe keeps of a response body. Every mode but <see cref="KeepHead"/> reads it to the end, to keep the
/// connection.
/// </summary>
public enum ProbeBodyMode
{
    /// <summary>Read and discard it.</summary>
    Discard,

    /// <summary>Keep it, up to the client's bound.</summary>
    Keep,

    /// <summary>Keep it when its Content-Type is JSON; discard it otherwise.</summary>
    KeepJson,

    /// <summary>
    /// Keep it up to the client's bound and read no further (<see cref="BoundedBody.Cut"/>; the connection is then
    /// dropped): for health probes, where a hostile endless body must cost neither time nor bytes.
    /// </summary>
    KeepHead,
}
