namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>What this run does to the incident issue.</summary>
public enum IncidentAction
{
    /// <summary>Nothing: healthy with no incident, unknown, or failing below the threshold.</summary>
    None,

    /// <summary>Open a new incident.</summary>
    Open,

    /// <summary>Comment the new results on the open incident (and refresh its marker).</summary>
    Comment,

    /// <summary>Only refresh the marker: the outage is unchanged since the last comment.</summary>
    UpdateMarker,

    /// <summary>Comment the recovery and close the incident.</summary>
    Close,
}
