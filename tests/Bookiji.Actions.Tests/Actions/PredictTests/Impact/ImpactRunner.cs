using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Impact;

/// <summary>predict-tests through the local runner, as the impact tests run it: in process, on a push.</summary>
internal static class ImpactRunner
{
    /// <summary>Runs it in <paramref name="workspace"/> with <paramref name="with"/>, its run folder a new one under <paramref name="runs"/>.</summary>
    public static Task<ActionRunResult> RunAsync(string workspace, string runs, Dictionary<string, string> with)
    {
        Directory.CreateDirectory(runs);
        return LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action("predict-tests"),
            Launcher = new InProcessLauncher(new Bookiji.Actions.PredictTests.PredictTestsAction()),
            With = with,
            Env = new Dictionary<string, string>(),
            EventName = "push",
            EventPayload = "{}",
            GitHub = new Dictionary<string, string>(),
            Workspace = workspace,
            RunDirectory = Path.Combine(runs, "run-" + Guid.NewGuid().ToString("N")[..8]),
        });
    }
}
