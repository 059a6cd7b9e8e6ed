using System.Text.Json.Nodes;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.Watchdog;

namespace Bookiji.Actions.Tests.Actions.Watchdog;

/// <summary>Runs the watchdog through the local runner as a scheduled workflow would, against loopback fakes.</summary>
internal static class WatchdogHarness
{
    public const string Repository = "bookiji/bookiji";

    /// <summary>Fast confirmation for tests: the behaviour is the same, the waits are shorter.</summary>
    public static Dictionary<string, string> With(ProductionStandIn production, params (string Key, string Value)[] extra)
    {
        var with = new Dictionary<string, string>
        {
            ["target-url"] = production.BaseAddress.ToString().TrimEnd('/'),
            ["retry-delay"] = "10ms",
            ["timeout"] = "3s",
            ["control-url"] = production.BaseAddress.ToString(),
            ["bookings-endpoint"] = "/api/health/bookings",
        };
        foreach (var (key, value) in extra)
        {
            with[key] = value;
        }

        return with;
    }

    public static Task<ActionRunResult> RunAsync(
        TemporaryDirectory dir,
        Dictionary<string, string> with,
        FakeGitHubServer? github = null,
        Dictionary<string, string>? env = null,
        string eventName = "schedule")
    {
        var gh = new Dictionary<string, string> { ["repository"] = Repository, ["run_id"] = "9001" };
        if (github is not null)
        {
            gh["api_url"] = github.ApiUrl;
            gh["token"] = github.Token;
        }

        return LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action("watchdog"),
            Launcher = new InProcessLauncher(new WatchdogAction()),
            With = with,
            Env = env ?? [],
            EventName = eventName,
            EventPayload = eventName == "schedule" ? """{"schedule":"7,17,27,37,47,57 * * * *"}""" : """{"inputs":{}}""",
            GitHub = gh,
            Workspace = dir.Combine("workspace"),
            RunDirectory = dir.Combine("runner-" + Guid.NewGuid().ToString("N")[..6]),
        });
    }

    public static JsonObject Result(ActionRunResult run) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(run.Workspace, run.Outputs["result-path"])))!.AsObject();

    /// <summary>The log as GitHub shows it: the add-mask commands themselves are never displayed.</summary>
    public static string VisibleLog(ActionRunResult run) =>
        string.Join('\n', run.Log.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)));

    public static JsonObject Check(JsonObject result, string name) =>
        result["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();

    public static IReadOnlyList<FakeIssue> IncidentIssues(FakeGitHubServer github) =>
        [.. github.Issues(Repository).Where(i => i.Labels.Contains("incident"))];
}
