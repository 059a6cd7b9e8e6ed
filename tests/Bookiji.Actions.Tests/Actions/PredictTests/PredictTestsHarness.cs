using Bookiji.Actions.PredictTests;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

internal static class PredictTestsHarness
{
    public static string PullRequestPayload(int number, string baseSha, string headSha) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["action"] = "synchronize",
            ["number"] = number,
            ["pull_request"] = new System.Text.Json.Nodes.JsonObject
            {
                ["number"] = number,
                ["base"] = new System.Text.Json.Nodes.JsonObject { ["ref"] = "main", ["sha"] = baseSha },
                ["head"] = new System.Text.Json.Nodes.JsonObject { ["ref"] = "feature", ["sha"] = headSha },
            },
        }.ToJsonString();

    /// <summary>The outputs every plan (even a fallback) must set: the consuming matrix needs them.</summary>
    public static readonly string[] PlanOutputs = ["risk", "tests", "test-glob", "shard-count", "run-all", "shard-matrix"];

    /// <summary>The test files of the <c>tests</c> output.</summary>
    public static List<string> SelectedTests(ActionRunResult result) =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(result.Outputs["tests"])!.AsArray().Select(t => t!.GetValue<string>())];

    /// <summary>ci-plan.json in <paramref name="workspace"/>.</summary>
    public static System.Text.Json.Nodes.JsonNode Plan(string workspace, string name = "ci-plan.json") =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(workspace, name)))!;

    /// <summary>Runs predict-tests with the repository as the workspace.</summary>
    public static Task<ActionRunResult> RunAsync(
        TemporaryDirectory dir, string workspace, Dictionary<string, string>? with = null, Dictionary<string, string>? env = null,
        string eventName = "push", string payload = "{}", Dictionary<string, string>? github = null) =>
        LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action("predict-tests"),
            Launcher = new InProcessLauncher(new PredictTestsAction()),
            With = with ?? [],
            Env = env ?? [],
            EventName = eventName,
            EventPayload = payload,
            GitHub = github ?? [],
            Workspace = workspace,
            RunDirectory = dir.Combine("runner-" + Guid.NewGuid().ToString("N")[..6]),
        });
}
