using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>
/// The pure account of the GitHub side: what the result file records and which incident the next run's state names,
/// told from what was really done (a call that failed half-way is reported as such, never as the plan).
/// </summary>
public static class IncidentRecords
{
    /// <summary>The record and state after <paramref name="outcome"/>.</summary>
    public static (IncidentRecord Record, WatchdogState State) From(IncidentPlan plan, IncidentSelection selection, IncidentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(outcome);
        if (plan.Action is IncidentAction.Comment or IncidentAction.UpdateMarker or IncidentAction.Close && selection.Kept is null)
        {
            return (new IncidentRecord { Action = "failed", Number = selection.OpenNumber, Problem = "the open incident was not loaded" }, plan.State);
        }

        var closed = outcome.Done.Where(s => s.ClosesDuplicate).Select(s => s.Number).ToList();
        var duplicates = closed.Count == 0 ? null : closed;
        var createdClosed = outcome.Created is { } c && closed.Contains(c.Number);

        // The incident open after this run (or the one it closed): the one it opened, unless that was closed as the
        // duplicate of an older one; without an open, the kept one.
        var current = outcome.Created is { } created ? (createdClosed ? outcome.ConvergedTo : created) : selection.Kept;
        var number = outcome.Created is null ? current?.Number ?? selection.OpenNumber : current?.Number;

        if (outcome.Problem is { } problem)
        {
            var action = outcome.Created is not null && !createdClosed ? "opened" : "failed";
            return (new IncidentRecord { Action = action, Number = number, Url = current?.HtmlUrl, ClosedDuplicates = duplicates, Problem = problem },
                plan.State with { IncidentNumber = number });
        }

        return plan.Action switch
        {
            IncidentAction.Open when outcome.ConvergedTo is { } older =>
                (new IncidentRecord { Action = "commented", Number = older.Number, Url = older.HtmlUrl, ClosedDuplicates = duplicates }, plan.State with { IncidentNumber = older.Number }),
            IncidentAction.Open =>
                (new IncidentRecord { Action = "opened", Number = number, Url = current?.HtmlUrl, ClosedDuplicates = duplicates }, plan.State with { IncidentNumber = number }),
            IncidentAction.Comment => (Record("commented", number, current, duplicates), plan.State),
            IncidentAction.UpdateMarker => (Record("updated", number, current, duplicates), plan.State),
            IncidentAction.Close => (Record("closed", number, current, duplicates), plan.State),
            _ => (Record("none", number, current, duplicates), plan.State),
        };
    }

    /// <summary>GitHub could not be used for <paramref name="problem"/>: an incident action is a failure, nothing else changes.</summary>
    public static (IncidentRecord Record, WatchdogState State) Unavailable(IncidentPlan plan, IncidentSelection selection, string? problem)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(selection);
        return plan.Action == IncidentAction.None
            ? (new IncidentRecord { Action = "none", Number = selection.OpenNumber }, plan.State)
            : (new IncidentRecord { Action = "failed", Number = selection.OpenNumber, Problem = problem }, plan.State);
    }

    /// <summary>Dry-run: what would happen, nothing sent.</summary>
    public static (IncidentRecord Record, WatchdogState State) DryRun(IncidentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var number = plan.State.IncidentNumber;
        return plan.Action switch
        {
            IncidentAction.Open => (new IncidentRecord { Action = "would-open" }, plan.State),
            IncidentAction.Comment => (new IncidentRecord { Action = "would-comment", Number = number }, plan.State),
            IncidentAction.Close => (new IncidentRecord { Action = "would-close", Number = number }, plan.State),
            _ => (new IncidentRecord { Action = "none", Number = number }, plan.State),
        };
    }

    private static IncidentRecord Record(string action, int? number, IncidentIssue? issue, IReadOnlyList<int>? duplicates) =>
        new() { Action = action, Number = number, Url = issue?.HtmlUrl, ClosedDuplicates = duplicates };
}
