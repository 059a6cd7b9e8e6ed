namespace Bookiji.Actions.Core.Http;

/// <summary>What a probe keeps of a response body (it always reads it to the end, to keep the connection).</summary>
public enum ProbeBodyMode
{
    /// <summary>Read and discard it.</summary>
    Discard,

    /// <summary>Keep it, up to the client's bound.</summary>
    Keep,

    /// <summary>Keep it when its Content-Type is JSON; discard it otherwise.</summary>
    KeepJson,
}
