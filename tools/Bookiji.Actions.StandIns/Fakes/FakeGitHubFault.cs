namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>A broken answer <see cref="FakeGitHubServer"/> can give instead of the real one.</summary>
public enum FakeGitHubFault
{
    /// <summary>200 with a body that is not JSON.</summary>
    Garbage,

    /// <summary>200 with valid JSON of the wrong shape (an array where an object is expected, fields of the wrong type).</summary>
    WrongShape,

    /// <summary>Accepts the request and never answers (until the client gives up or the server stops).</summary>
    Hang,
}
