namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>
/// The pure translation of a plan into GitHub calls: close the duplicates, then open, comment, refresh the marker
/// or close. After an open, <see cref="Converge"/> decides from a fresh look whether another run got there first.
/// </summary>
public static class IncidentScript
{
    /// <summary>The calls for <paramref name="plan"/>, duplicates first; empty when there is nothing to do.</summary>
    public static IReadOnlyList<IncidentStep> Build(IncidentSelection selection, IncidentPlan plan, IncidentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(facts);
        var steps = new List<IncidentStep>();
        if (selection.Kept is { } kept)
        {
            foreach (var duplicate in selection.Duplicates)
            {
                steps.AddRange(CloseAsDuplicate(duplicate.Number, kept.Number));
            }
        }

        var state = plan.State;
        switch (plan.Action)
        {
            case IncidentAction.Open:
                steps.Add(IncidentStep.Open(IncidentText.Body(facts, IncidentMarker.Write(state))));
                break;
            case IncidentAction.Comment when selection.Kept is { } open:
                steps.Add(IncidentStep.Comment(open.Number, IncidentText.ResultsComment(facts, plan.Explanation)));
                steps.Add(IncidentStep.Update(open.Number, IncidentMarker.Replace(open.Body, state)));
                break;
            case IncidentAction.UpdateMarker when selection.Kept is { } open:
                steps.Add(IncidentStep.Update(open.Number, IncidentMarker.Replace(open.Body, state)));
                break;
            case IncidentAction.Close when selection.Kept is { } open:
                steps.Add(IncidentStep.Comment(open.Number, IncidentText.RecoveryComment(facts, state.SuccessStreak)));
                steps.Add(IncidentStep.Update(open.Number, IncidentMarker.Replace(open.Body, state), "completed"));
                break;
        }

        return steps;
    }

    /// <summary>
    /// Right after opening <paramref name="created"/>: when an older incident of ours is open (another run got there
    /// first), ours is closed as its duplicate and the results go to the older one, so overlapping runs converge on
    /// one incident. Returns that older incident (null: ours stands) and the calls.
    /// </summary>
    public static (IncidentIssue? Older, IReadOnlyList<IncidentStep> Steps) Converge(IncidentIssue created, IReadOnlyList<IncidentIssue> openNow, IncidentPlan plan, IncidentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(openNow);
        ArgumentNullException.ThrowIfNull(plan);
        var older = openNow
            .Where(i => i.Number < created.Number && i.Title == IncidentText.Title && IncidentManager.IsOurs(i, created.User?.Login))
            .OrderBy(i => i.Number)
            .FirstOrDefault();
        if (older is null)
        {
            return (null, []);
        }

        var state = plan.State with { IncidentNumber = older.Number };
        return (older, [
            .. CloseAsDuplicate(created.Number, older.Number),
            IncidentStep.Comment(older.Number, IncidentText.ResultsComment(facts, plan.Explanation)),
            IncidentStep.Update(older.Number, IncidentMarker.Replace(older.Body, state)),
        ]);
    }

    /// <summary>The text dry-run prints instead of calling GitHub; null when nothing would be posted.</summary>
    public static string? Preview(IncidentPlan plan, IncidentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Action switch
        {
            IncidentAction.Open => $"Title: {IncidentText.Title}\nLabels: {string.Join(", ", IncidentText.Labels)}\n\n{IncidentText.Body(facts, IncidentMarker.Write(plan.State))}",
            IncidentAction.Comment => IncidentText.ResultsComment(facts, plan.Explanation),
            IncidentAction.Close => IncidentText.RecoveryComment(facts, plan.State.SuccessStreak),
            _ => null,
        };
    }

    private static IncidentStep[] CloseAsDuplicate(int duplicate, int kept) =>
        [IncidentStep.Comment(duplicate, IncidentText.DuplicateComment(kept)), IncidentStep.Update(duplicate, null, "not_planned")];
}
