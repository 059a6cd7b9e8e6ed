using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog;

public sealed partial class WatchdogAction
{
    /// <summary>Finds the open incident by its labels; newer duplicates (same title) are closed in favour of the oldest.</summary>
    private static async Task<GitHubSide> FindIncidentAsync(RunContext run, WatchdogState? fileState, CancellationToken cancellationToken)
    {
        var context = run.Runtime.GitHub;
        if (run.Inputs.GithubToken is not { } token || context.Repository is not { } repository)
        {
            var why = run.Inputs.GithubToken is null ? "no github-token" : "GITHUB_REPOSITORY is not set";
            run.Warn($"Incident issues are skipped: {why}.");
            return GitHubSide.Unavailable(why, fileState);
        }

        var manager = new IncidentManager(context, repository, token);
        try
        {
            var open = await manager.FindOpenAsync(cancellationToken);
            var foreign = open.Count(i => !IncidentManager.IsOurs(i, null));
            if (foreign > 0)
            {
                // Only incidents this action's token opened count: an issue anyone else labels is not one of ours.
                var login = await manager.AuthenticatedLoginAsync(cancellationToken);
                var ignored = open.Where(i => !IncidentManager.IsOurs(i, login)).Select(i => i.Number).ToList();
                if (ignored.Count > 0)
                {
                    run.Warn($"Ignoring {ignored.Count} open issue(s) labelled as incidents but not opened by this token ({string.Join(", ", ignored.Take(10).Select(n => "#" + n))}).");
                    open = [.. open.Where(i => IncidentManager.IsOurs(i, login))];
                }
            }

            if (open.Count == 0)
            {
                return new GitHubSide(manager, null, null, null, [], null);
            }

            var kept = open[0];
            var closed = new List<int>();
            foreach (var duplicate in open.Skip(1).Where(i => i.Title == IncidentText.Title))
            {
                await manager.CloseDuplicateAsync(duplicate, kept.Number, cancellationToken);
                closed.Add(duplicate.Number);
            }

            var marker = IncidentMarker.Read(kept.Body, run.Runtime.Time.GetUtcNow());
            if (marker is null && IncidentMarker.Read(kept.Body) is not null)
            {
                run.Warn($"The state marker of incident #{kept.Number} holds values this action never writes (streaks, numbers or times); it was ignored.");
            }

            return new GitHubSide(manager, kept, kept.Number, marker, closed, null);
        }
#pragma warning disable CA1031 // The GitHub API is an optional upstream: any failure (the deadline included) is a warning, the checks still report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var problem = IncidentManager.Describe(ex);
            run.Warn($"Looking up the open incident failed: {problem}");
            return GitHubSide.Unavailable(problem, fileState);
        }
    }

    /// <summary>Carries the plan out on GitHub; a failure leaves a warning and the state of what did happen.</summary>
    private static async Task<(IncidentRecord, WatchdogState, string?)> ApplyAsync(RunContext run, GitHubSide github, IncidentPlan plan, IncidentFacts facts, CancellationToken cancellationToken)
    {
        var state = plan.State;
        var number = github.OpenNumber;
        run.Runtime.Core.Info($"Incident: {plan.Explanation}");
        if (plan.Action == IncidentAction.None)
        {
            return (new IncidentRecord { Action = "none", Number = number, Url = github.Open?.HtmlUrl, ClosedDuplicates = Nullable(github.ClosedDuplicates) }, state, null);
        }

        if (github.Manager is not { } manager)
        {
            return (new IncidentRecord { Action = "failed", Number = number, Problem = github.Problem }, state, null);
        }

        IncidentIssue? created = null;
        try
        {
            if (plan.Action == IncidentAction.Open)
            {
                created = await manager.OpenAsync(IncidentText.Body(facts, IncidentMarker.Write(state)), cancellationToken);
                return await ConvergeAsync(run, manager, created, plan, facts, github.ClosedDuplicates, cancellationToken);
            }

            if (github.Open is not { } open)
            {
                return (new IncidentRecord { Action = "failed", Number = number, Problem = "the open incident was not loaded" }, state, null);
            }

            switch (plan.Action)
            {
                case IncidentAction.Comment:
                    await manager.CommentAsync(open.Number, IncidentText.ResultsComment(facts, plan.Explanation), cancellationToken);
                    await manager.UpdateAsync(open.Number, IncidentMarker.Replace(open.Body, state), null, cancellationToken);
                    return (Record("commented", open, github.ClosedDuplicates), state, null);
                case IncidentAction.UpdateMarker:
                    await manager.UpdateAsync(open.Number, IncidentMarker.Replace(open.Body, state), null, cancellationToken);
                    return (Record("updated", open, github.ClosedDuplicates), state, null);
                default:
                    await manager.CommentAsync(open.Number, IncidentText.RecoveryComment(facts, state.SuccessStreak), cancellationToken);
                    await manager.UpdateAsync(open.Number, IncidentMarker.Replace(open.Body, state), "completed", cancellationToken);
                    return (Record("closed", open, github.ClosedDuplicates), state, null);
            }
        }
#pragma warning disable CA1031 // As above: the GitHub side fails soft; the result still records the checks.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var problem = IncidentManager.Describe(ex);
            run.Warn($"Incident issue ({plan.Action}) failed: {problem}");
            var kept = created?.Number ?? number;
            return (new IncidentRecord { Action = created is null ? "failed" : "opened", Number = kept, Url = created?.HtmlUrl, Problem = problem }, state with { IncidentNumber = kept }, null);
        }
    }

    /// <summary>
    /// Right after opening, look again: when an older incident is open (another run got there first), close ours as
    /// its duplicate and comment on the older one instead, so overlapping runs converge on one incident.
    /// </summary>
    private static async Task<(IncidentRecord, WatchdogState, string?)> ConvergeAsync(
        RunContext run, IncidentManager manager, IncidentIssue created, IncidentPlan plan, IncidentFacts facts, IReadOnlyList<int> closedBefore, CancellationToken cancellationToken)
    {
        var open = await manager.FindOpenAsync(cancellationToken);
        var older = open.FirstOrDefault(i => i.Number < created.Number && i.Title == IncidentText.Title && IncidentManager.IsOurs(i, created.User?.Login));
        if (older is null)
        {
            run.Runtime.Core.Info($"Opened incident #{created.Number}: {created.HtmlUrl}");
            return (Record("opened", created, closedBefore), plan.State with { IncidentNumber = created.Number }, null);
        }

        run.Runtime.Core.Info($"Incident #{older.Number} was opened by another run meanwhile: closing #{created.Number} as its duplicate.");
        await manager.CloseDuplicateAsync(created, older.Number, cancellationToken);
        var state = plan.State with { IncidentNumber = older.Number };
        await manager.CommentAsync(older.Number, IncidentText.ResultsComment(facts, plan.Explanation), cancellationToken);
        await manager.UpdateAsync(older.Number, IncidentMarker.Replace(older.Body, state), null, cancellationToken);
        return (Record("commented", older, [.. closedBefore, created.Number]), state, null);
    }

    /// <summary>Dry-run: nothing is sent; the text that would be posted is returned for the log and summary.</summary>
    private static (IncidentRecord, WatchdogState, string?) DryRunIncident(IncidentPlan plan, IncidentFacts facts)
    {
        var number = plan.State.IncidentNumber;
        return plan.Action switch
        {
            IncidentAction.Open => (new IncidentRecord { Action = "would-open" }, plan.State,
                $"Title: {IncidentText.Title}\nLabels: {string.Join(", ", IncidentText.Labels)}\n\n{IncidentText.Body(facts, IncidentMarker.Write(plan.State))}"),
            IncidentAction.Comment => (new IncidentRecord { Action = "would-comment", Number = number }, plan.State, IncidentText.ResultsComment(facts, plan.Explanation)),
            IncidentAction.Close => (new IncidentRecord { Action = "would-close", Number = number }, plan.State, IncidentText.RecoveryComment(facts, plan.State.SuccessStreak)),
            _ => (new IncidentRecord { Action = "none", Number = number }, plan.State, null),
        };
    }

    private static IncidentRecord Record(string action, IncidentIssue issue, IReadOnlyList<int> closed) =>
        new() { Action = action, Number = issue.Number, Url = issue.HtmlUrl, ClosedDuplicates = Nullable(closed) };

    private static IReadOnlyList<int>? Nullable(IReadOnlyList<int> list) => list.Count == 0 ? null : list;
}
