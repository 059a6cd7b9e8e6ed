using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;

namespace Bookiji.Actions.Tests.Core.Hosting;

/// <summary>
/// A misconfigured gate must never pass silently: with one bad input every action exits 0 (non-blocking), says what
/// is wrong in an error annotation and in the step summary, and sets each decision output to its fail-closed value.
/// Through the local runner, as a user's workflow would run it.
/// </summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FailClosedOutputsTests
{
    public static IEnumerable<TestCaseData> Misconfigurations()
    {
        yield return new TestCaseData("traffic-shadow", new Dictionary<string, string> { ["canary-url"] = "not a url" }, new Dictionary<string, string>(),
            new Dictionary<string, string> { ["verdict"] = "error" }, "canary-url").SetName("TrafficShadow_InvalidCanaryUrl_VerdictIsError");
        yield return new TestCaseData("watchdog", new Dictionary<string, string>(), new Dictionary<string, string> { ["WATCHDOG_TARGET_URL"] = string.Empty },
            new Dictionary<string, string> { ["status"] = "unknown" }, "WATCHDOG_TARGET_URL").SetName("Watchdog_EmptyTargetVariable_StatusIsUnknown");
        yield return new TestCaseData("deploy-metadata", new Dictionary<string, string> { ["sha"] = "abc" }, new Dictionary<string, string>(),
            new Dictionary<string, string> { ["created"] = "false", ["rollback"] = "error" }, "sha").SetName("DeployMetadata_BadSha_CreatedIsFalse");
        yield return new TestCaseData("ephemeral-env", new Dictionary<string, string> { ["mode"] = "destroy", ["app-env"] = "pr_1" }, new Dictionary<string, string>(),
            new Dictionary<string, string> { ["schema-created"] = "false", ["destroyed"] = "false" }, "database-url").SetName("EphemeralEnv_DestroyWithoutDatabase_NothingClaimsSuccess");
        yield return new TestCaseData("slo-export", new Dictionary<string, string> { ["service"] = "Not A Name!" }, new Dictionary<string, string>(),
            new Dictionary<string, string> { ["compliant"] = "error" }, "service").SetName("SloExport_BadServiceName_CompliantIsError");
        yield return new TestCaseData("predict-tests", new Dictionary<string, string> { ["max-shards"] = "0" }, new Dictionary<string, string>(),
            new Dictionary<string, string> { ["run-all"] = "true", ["risk"] = "high" }, "max-shards").SetName("PredictTests_BadMaxShards_RunsEverything");
    }

    [TestCaseSource(nameof(Misconfigurations))]
    public async Task Action_OneBadInput_ExitsZeroWithErrorSummaryAndFailClosedOutputs(
        string action, Dictionary<string, string> with, Dictionary<string, string> env, Dictionary<string, string> expected, string named)
    {
        using var dir = new TemporaryDirectory();
        var result = await LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action(action),
            Launcher = new InProcessLauncher(ActionCatalog.Create(action)),
            With = with,
            Env = env,
            EventName = "workflow_dispatch",
            GitHub = new Dictionary<string, string> { ["repository"] = "acme/shop", ["api_url"] = "http://127.0.0.1:9" },
            Workspace = dir.Combine("workspace"),
            RunDirectory = dir.Combine("run"),
        });
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, "non-blocking: the step continues");
            Assert.That(result.Annotations("error").Select(e => e.Message + " " + e.Properties.GetValueOrDefault("title")), Has.Some.Contains(named), result.Log);
            foreach (var (name, value) in expected)
            {
                Assert.That(result.Outputs.GetValueOrDefault(name), Is.EqualTo(value), $"output {name} fails closed");
            }

            Assert.That(result.Summary, Is.Not.Empty, "the run says in the summary what went wrong");
            Assert.That(result.Summary, Does.Contain(named));
        });
    }
}
