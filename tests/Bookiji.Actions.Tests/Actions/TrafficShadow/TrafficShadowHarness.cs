using System.Text.Json.Nodes;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.TrafficShadow;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow;

internal static class TrafficShadowHarness
{
    /// <summary>The results file a run wrote.</summary>
    public static JsonNode Results(ActionRunResult run) => JsonNode.Parse(File.ReadAllText(Path.Combine(run.Workspace, run.Outputs["results-path"])))!;

    /// <summary>The Mermaid chart of a summary: the text of its first <c>```mermaid</c> block.</summary>
    public static string Chart(string summary)
    {
        var start = summary.IndexOf("```mermaid\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the summary has a chart: " + summary);
        start += "```mermaid\n".Length;
        return summary[start..summary.IndexOf("```", start, StringComparison.Ordinal)];
    }

    /// <summary>A sample of <paramref name="gets"/> GETs over a few endpoints.</summary>
    public static string Sample(int gets = 4) =>
        "[" + string.Join(",", Enumerable.Range(0, gets).Select(i => i % 2 == 0 ? $$"""{"method":"GET","path":"/api/providers/{{i}}/slots"}""" : """{"method":"GET","path":"/api/health"}""")) + "]";

    public static Task<ActionRunResult> RunAsync(TemporaryDirectory dir, Dictionary<string, string> with, string sample, Dictionary<string, string>? env = null, TimeProvider? time = null)
    {
        dir.WriteFile("workspace/traffic-samples/booking-sample.json", sample);
        return LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action("traffic-shadow"),
            Launcher = new InProcessLauncher(new TrafficShadowAction(), time, newGuid: () => new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff")),
            With = with,
            Env = env ?? [],
            Workspace = dir.Combine("workspace"),
            RunDirectory = dir.Combine("runner-" + Guid.NewGuid().ToString("N")[..6]),
        });
    }
}
