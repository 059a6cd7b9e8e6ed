using Bookiji.Actions.Core.PullRequests;
using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Tests.Actions.Watchdog.Incidents;

/// <summary>Issues, facts and plans for the pure incident policy's tests.</summary>
internal static class IncidentPolicyFixture
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    public static IncidentIssue Issue(int number, string? title = null, string login = "github-actions[bot]", string type = "Bot", string? body = "opened by the watchdog") => new()
    {
        Number = number,
        Title = title ?? IncidentText.Title,
        Body = body,
        State = "open",
        HtmlUrl = $"https://github.example/acme/shop/issues/{number}",
        Labels = [.. IncidentText.Labels.Select(l => new IncidentLabel { Name = l })],
        User = new CommentAuthor { Login = login, Type = type },
    };

    public static IncidentFacts Facts(string status = "down") =>
        new(status, ["health failed"], [], null, null, "2026-12-02T10:00:00Z", "https://shop.example.com", "https://shop.example.com/api/health", null, 2);

    public static IncidentPlan Plan(WatchdogStatus status, WatchdogState previous, int? open) =>
        IncidentPlanner.Plan(status, status.ToString(), previous, open, failureThreshold: 1, successThreshold: 2, Now);

    public static IncidentSelection Select(params IncidentIssue[] open) =>
        IncidentSelection.From(new GitHubView(true, open, null, null), null, Now);
}
