namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>How the fake answers the list-artifacts endpoint.</summary>
public enum FakeArtifactList
{
    /// <summary>GitHub's documented shape.</summary>
    Normal,

    /// <summary>200 with a body that is not JSON.</summary>
    Garbage,

    /// <summary>200 with JSON of another shape (<c>artifacts</c> is not an array).</summary>
    WrongShape,

    /// <summary>The connection is reset.</summary>
    Reset,

    /// <summary>No answer until the client gives up.</summary>
    Hang,
}
