namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>One call to GitHub's issues API.</summary>
public enum IncidentStepKind
{
    /// <summary><c>POST /repos/{repo}/issues</c>: open the incident.</summary>
    Open,

    /// <summary><c>POST /repos/{repo}/issues/{n}/comments</c>.</summary>
    Comment,

    /// <summary><c>PATCH /repos/{repo}/issues/{n}</c>: the body (marker), and the state when closing.</summary>
    Update,
}
