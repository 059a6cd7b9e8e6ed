using System.Globalization;
using System.Text.Json.Nodes;
using Bookiji.Actions.SloExport;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Microsoft.Extensions.Time.Testing;

namespace Bookiji.Actions.Tests.Actions.SloExport;

/// <summary>Runs slo-export through the local runner from its action.yml, and writes CI metrics files for it.</summary>
internal static class SloExportHarness
{
    /// <summary>The brief's example export time.</summary>
    public static readonly DateTimeOffset Now = new(2025, 12, 7, 3, 0, 0, TimeSpan.Zero);

    public static Task<ActionRunResult> Run(
        TemporaryDirectory dir,
        Dictionary<string, string>? with = null,
        Dictionary<string, string>? env = null,
        string eventName = "schedule",
        Dictionary<string, string>? github = null,
        DateTimeOffset? now = null) =>
        LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action("slo-export"),
            Launcher = new InProcessLauncher(new SloExportAction(), new FakeTimeProvider(now ?? Now)),
            With = with ?? [],
            Env = env ?? [],
            EventName = eventName,
            EventPayload = eventName == "workflow_dispatch" ? """{"inputs":{},"ref":"refs/heads/main"}""" : """{"schedule":"0 3 * * *"}""",
            GitHub = github ?? new Dictionary<string, string> { ["run_id"] = "4242" },
            RunDirectory = dir.Path,
        });

    /// <summary>One metrics file in the shape docs/SLO_DASHBOARD.md documents.</summary>
    public static string Metrics(
        long runId,
        DateTimeOffset timestamp,
        double[]? latencies = null,
        long passed = 10,
        long failed = 0,
        long skipped = 0,
        string? sha = null,
        (long Checks, long Failures)? health = null,
        long attempt = 1)
    {
        var json = new JsonObject
        {
            ["timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["commitSha"] = sha ?? $"{runId:x7}",
            ["runId"] = runId,
            ["runAttempt"] = attempt,
            ["workflow"] = "ci-e2e",
            ["passed"] = failed == 0,
            ["tests"] = new JsonObject { ["total"] = passed + failed + skipped, ["passed"] = passed, ["failed"] = failed, ["skipped"] = skipped },
            ["bookingLatenciesMs"] = new JsonArray([.. (latencies ?? [300]).Select(l => (JsonNode)l)]),
        };
        if (health is { } h)
        {
            json["health"] = new JsonObject { ["checks"] = h.Checks, ["failures"] = h.Failures };
        }

        return json.ToJsonString();
    }

    public static void WriteRun(TemporaryDirectory dir, string name, string json) => dir.WriteFile($"workspace/ci-metrics/{name}", json);

    public static JsonObject ReadJson(ActionRunResult result, string relative) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, relative)))!;

    /// <summary>Copies the bundled sample metrics into the run's workspace.</summary>
    public static void CopySamples(TemporaryDirectory dir)
    {
        var source = Path.Combine(RepositoryLayout.Root, "samples", "ci-metrics");
        foreach (var file in Directory.GetFiles(source, "*.json"))
        {
            dir.WriteFile($"workspace/ci-metrics/{Path.GetFileName(file)}", File.ReadAllText(file));
        }
    }
}
