namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>What the executor got done on GitHub: the calls that succeeded, in order, and where it stopped.</summary>
/// <param name="Done">The calls GitHub accepted.</param>
/// <param name="Created">The incident this run opened, when the open call succeeded.</param>
/// <param name="ConvergedTo">The older incident this run's results went to instead (another run opened it first).</param>
/// <param name="Problem">Why the remaining calls were not made; null when every call succeeded.</param>
public sealed record IncidentOutcome(IReadOnlyList<IncidentStep> Done, IncidentIssue? Created, IncidentIssue? ConvergedTo, string? Problem)
{
    /// <summary>Nothing was called.</summary>
    public static IncidentOutcome Nothing { get; } = new([], null, null, null);
}
