namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>
/// The one place the watchdog writes to GitHub: it makes the planned calls in order and stops at the first failure,
/// recording what was done. After an open it looks once more and makes the calls <see cref="IncidentScript.Converge"/> decides.
/// </summary>
internal static class IncidentExecutor
{
    public static async Task<IncidentOutcome> ExecuteAsync(
        IncidentManager manager, IReadOnlyList<IncidentStep> steps, IncidentPlan plan, IncidentFacts facts, Action<string> info, CancellationToken cancellationToken)
    {
        var done = new List<IncidentStep>();
        IncidentIssue? created = null;
        IncidentIssue? older = null;
        try
        {
            foreach (var step in steps)
            {
                var issue = await CallAsync(manager, step, cancellationToken);
                done.Add(step);
                if (step.Kind != IncidentStepKind.Open)
                {
                    continue;
                }

                created = issue;
                var (convergedTo, convergence) = IncidentScript.Converge(issue!, await manager.FindOpenAsync(cancellationToken), plan, facts);
                if (convergedTo is null)
                {
                    info($"Opened incident #{issue!.Number}: {issue.HtmlUrl}");
                    continue;
                }

                older = convergedTo;
                info($"Incident #{convergedTo.Number} was opened by another run meanwhile: closing #{issue!.Number} as its duplicate.");
                foreach (var follow in convergence)
                {
                    await CallAsync(manager, follow, cancellationToken);
                    done.Add(follow);
                }
            }

            return new IncidentOutcome(done, created, older, null);
        }
#pragma warning disable CA1031 // The GitHub side fails soft: the outcome records what did happen, the checks still report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new IncidentOutcome(done, created, older, IncidentManager.Describe(ex));
        }
    }

    private static async Task<IncidentIssue?> CallAsync(IncidentManager manager, IncidentStep step, CancellationToken cancellationToken)
    {
        switch (step.Kind)
        {
            case IncidentStepKind.Open:
                return await manager.OpenAsync(step.Text ?? string.Empty, cancellationToken);
            case IncidentStepKind.Comment:
                await manager.CommentAsync(step.Number, step.Text ?? string.Empty, cancellationToken);
                return null;
            default:
                return await manager.UpdateAsync(step.Number, step.Text, step.CloseReason, cancellationToken);
        }
    }
}
