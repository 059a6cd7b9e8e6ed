using Bookiji.Actions.PredictTests;
using Bookiji.Actions.Testing;
using Bookiji.Actions.Testing.Runner;

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
