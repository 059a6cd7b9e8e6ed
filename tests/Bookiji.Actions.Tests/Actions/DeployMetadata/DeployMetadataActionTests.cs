using System.Text.Json.Nodes;
using Bookiji.Actions.DeployMetadata;
using Bookiji.Actions.Runner;
using Bookiji.Actions.StandIns;
using Microsoft.Extensions.Time.Testing;

namespace Bookiji.Actions.Tests.Actions.DeployMetadata;

/// <summary>deploy-metadata run through the local runner from its action.yml, as GitHub runs it.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DeployMetadataActionTests
{
    private const string Sha = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private static readonly DateTimeOffset Now = new(2025, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static Task<ActionRunResult> Run(
        TemporaryDirectory dir,
        Dictionary<string, string>? with = null,
        Dictionary<string, string>? env = null,
        DateTimeOffset? now = null,
        string eventName = "push",
        string payload = "{}") =>
        LocalRunner.RunAsync(new ActionRunRequest
        {
            ActionDirectory = RepositoryLayout.Action("deploy-metadata"),
            Launcher = new InProcessLauncher(new DeployMetadataAction(), new FakeTimeProvider(now ?? Now)),
            With = with ?? [],
            Env = env ?? [],
            EventName = eventName,
            EventPayload = payload,
            GitHub = new Dictionary<string, string> { ["sha"] = Sha, ["repository"] = "bookiji/bookiji", ["run_id"] = "4242" },
            RunDirectory = dir.Path,
        });

    private static JsonObject Record(ActionRunResult result) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(result.Workspace, result.Outputs["path"])))!;

    [Test]
    public async Task Run_WorkflowCommit_WritesTheBriefsRecord()
    {
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, with: new() { ["production-url"] = "https://www.bookiji.com" }, env: new() { ["PREVIEW_URL"] = "https://pr-123.bookiji.com" });
        var record = Record(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(result.Outputs["path"], Is.EqualTo($"deploy-metadata/deploy-{Sha}.json"));
            Assert.That(result.Outputs["sha"], Is.EqualTo(Sha));
            Assert.That(result.Outputs["created"], Is.EqualTo("true"));
            Assert.That(record.Select(p => p.Key).Take(4), Is.EqualTo(new[] { "sha", "previewUrl", "productionUrl", "createdAt" }));
            Assert.That(record["sha"]!.GetValue<string>(), Is.EqualTo(Sha));
            Assert.That(record["previewUrl"]!.GetValue<string>(), Is.EqualTo("https://pr-123.bookiji.com"));
            Assert.That(record["productionUrl"]!.GetValue<string>(), Is.EqualTo("https://www.bookiji.com"));
            Assert.That(record["createdAt"]!.GetValue<string>(), Is.EqualTo("2025-12-07T10:00:00Z"));
            Assert.That(record["runUrl"]!.GetValue<string>(), Is.EqualTo("https://github.com/bookiji/bookiji/actions/runs/4242"));
            Assert.That(result.Summary, Does.Contain("<h2>Deploy metadata</h2>").And.Contain(Sha));
        });
    }

    [Test]
    public async Task Run_Summary_LinksTheRollbackGuideAbsolutelyNeverARelativeDocsPath()
    {
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, with: new() { ["production-url"] = "https://www.bookiji.com" });
        Assert.Multiple(() =>
        {
            Assert.That(Bookiji.Actions.Tests.Core.Markdown.RelativeDocLinks.Find(result.Summary), Is.Empty, result.Summary);
            Assert.That(result.Summary, Does.Contain(Bookiji.Actions.Core.Markdown.ProjectLinks.Doc("IMMUTABLE_DEPLOYS.md")));
        });
    }

    [Test]
    public async Task Run_NoPreviewUrlGiven_FallsBackToTheEphemeralEnvDescriptor()
    {
        using var dir = new TemporaryDirectory();
        dir.WriteFile("workspace/.ephemeral-env.json", """{"appEnv":"pr_123","baseUrl":"https://pr-123.bookiji.com"}""");
        var result = await Run(dir, payload: """{"pull_request":{"number":123}}""", eventName: "pull_request");
        var record = Record(result);
        Assert.Multiple(() =>
        {
            Assert.That(record["previewUrl"]!.GetValue<string>(), Is.EqualTo("https://pr-123.bookiji.com"));
            Assert.That(record["productionUrl"], Is.Null, "unknown fields of the brief are written as null");
            Assert.That(record.ContainsKey("productionUrl"), Is.True);
            Assert.That(record["pullRequest"]!.GetValue<int>(), Is.EqualTo(123));
            Assert.That(result.Summary, Does.Contain(".ephemeral-env.json"));
        });
    }

    [Test]
    public async Task Run_MalformedDescriptor_WarnsAndLeavesPreviewEmpty()
    {
        using var dir = new TemporaryDirectory();
        dir.WriteFile("workspace/.ephemeral-env.json", "{oops");
        var result = await Run(dir);
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("warning").Single().Message, Does.Contain("does not fit the expected shape"));
            Assert.That(Record(result)["previewUrl"], Is.Null);
        });
    }

    [Test]
    public async Task Rerun_SameDeploy_KeepsTheFirstRecordUnchanged()
    {
        using var dir = new TemporaryDirectory();
        var first = await Run(dir, with: new() { ["preview-url"] = "https://pr-1.bookiji.com" });
        var before = File.ReadAllText(Path.Combine(first.Workspace, first.Outputs["path"]));
        var second = await Run(dir, with: new() { ["preview-url"] = "https://pr-1.bookiji.com" }, now: Now.AddHours(2));
        Assert.Multiple(() =>
        {
            Assert.That(second.Outputs["created"], Is.EqualTo("false"));
            Assert.That(second.Outputs["created-at"], Is.EqualTo("2025-12-07T10:00:00Z"));
            Assert.That(File.ReadAllText(Path.Combine(second.Workspace, second.Outputs["path"])), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Rerun_DifferentDeploySameSha_IsRefusedAndFileUntouched()
    {
        using var dir = new TemporaryDirectory();
        var first = await Run(dir, with: new() { ["preview-url"] = "https://pr-1.bookiji.com" });
        var before = File.ReadAllText(Path.Combine(first.Workspace, first.Outputs["path"]));
        var second = await Run(dir, with: new() { ["preview-url"] = "https://other.bookiji.com" });
        var gated = await Run(dir, with: new() { ["preview-url"] = "https://other.bookiji.com", ["fail-on-error"] = "true" });
        Assert.Multiple(() =>
        {
            Assert.That(second.ExitCode, Is.Zero, "non-blocking by default");
            Assert.That(gated.ExitCode, Is.EqualTo(1));
            Assert.That(second.Annotations("error").Single().Message, Does.Contain("immutable"));
            Assert.That(File.ReadAllText(Path.Combine(second.Workspace, second.Outputs["path"])), Is.EqualTo(before));
        });
    }

    [TestCase("abc1234", "full 40-character")]
    [TestCase("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "hexadecimal")]
    public async Task BadSha_IsAnErrorNamingTheInput_NothingIsWrittenAndOutputsFailClosed(string sha, string expected)
    {
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, with: new() { ["sha"] = sha });
        var error = result.Annotations("error").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(error.Properties["title"], Is.EqualTo("deploy-metadata: invalid input 'sha'"));
            Assert.That(error.Message, Does.Contain(expected));
            Assert.That(Directory.Exists(Path.Combine(result.Workspace, "deploy-metadata")), Is.False);
            Assert.That(result.Outputs, Is.EquivalentTo(new Dictionary<string, string> { ["created"] = "false", ["rollback"] = "error" }), "only the fail-closed decision outputs");
            Assert.That(result.Summary, Does.Contain("deploy-metadata: the run failed"));
        });
    }

    [Test]
    public async Task BadUrls_AreAllReportedAtOnce_AndCredentialsNeverReachTheRecordOrLog()
    {
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, with: new() { ["preview-url"] = "not a url", ["production-url"] = "https://admin:hunter2@www.bookiji.com" });
        var errors = result.Annotations("error");
        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.Properties["title"]), Is.EquivalentTo(new[] { "deploy-metadata: invalid input 'preview-url'", "deploy-metadata: invalid input 'production-url'" }));
            Assert.That(result.Masks, Does.Contain("admin:hunter2"));
            Assert.That(string.Join("\n", result.Log.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal))), Does.Not.Contain("hunter2"));
            Assert.That(Directory.Exists(Path.Combine(result.Workspace, "deploy-metadata")), Is.False);
        });
    }

    [Test]
    public async Task PreviewUrlWhoseExpressionExpandedToNothing_OnAPushEvent_IsAnInputErrorAndNothingIsRecorded()
    {
        using var dir = new TemporaryDirectory();
        // What `preview-url: https://pr-${{ github.event.number }}.example.com` becomes on a push event.
        var result = await Run(dir, with: new() { ["preview-url"] = "https://pr-.example.com" }, eventName: "push");
        var error = result.Annotations("error").Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Properties["title"], Is.EqualTo("deploy-metadata: invalid input 'preview-url'"), result.Log);
            Assert.That(error.Message, Does.Contain("'pr-'").And.Contain("expanded to nothing").And.Contain("github.event.number"));
            Assert.That(result.Outputs["created"], Is.EqualTo("false"));
            Assert.That(Directory.Exists(Path.Combine(result.Workspace, "deploy-metadata")), Is.False, "no record carries the broken URL");
        });
    }

    [Test]
    public async Task Run_OutputDirGiven_IsHonoured()
    {
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, with: new() { ["output-dir"] = "artifacts/deploys" });
        Assert.That(result.Outputs["path"], Is.EqualTo($"artifacts/deploys/deploy-{Sha}.json"));
    }

    [Test]
    public async Task UnknownInput_OnlyWarns_AsTheRunnerDoes()
    {
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, with: new() { ["previewurl"] = "x" });
        Assert.Multiple(() =>
        {
            Assert.That(result.RunnerWarnings.Single(), Does.StartWith("Unexpected input(s) 'previewurl'"));
            Assert.That(result.Outputs["sha"], Is.EqualTo(Sha));
        });
    }

    [Test]
    public async Task Run_UrlInputs_AreRecordedExactlyAsTheUserWroteThem()
    {
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, with: new() { ["preview-url"] = "  https://pr-7.Bookiji.com  ", ["production-url"] = "https://www.bookiji.com/app" });
        var record = Record(result);
        Assert.Multiple(() =>
        {
            Assert.That(record["previewUrl"]!.GetValue<string>(), Is.EqualTo("https://pr-7.Bookiji.com"), "trimmed, never normalised (no trailing slash, case kept)");
            Assert.That(record["productionUrl"]!.GetValue<string>(), Is.EqualTo("https://www.bookiji.com/app"));
        });
    }

    [TestCase("../outside")]
    [TestCase("/etc")]
    [TestCase("deploy-metadata/../../outside")]
    public async Task Run_OutputDirOutsideTheWorkspace_IsRefusedNothingIsWrittenAndOutputsFailClosed(string outputDir)
    {
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, with: new() { ["output-dir"] = outputDir });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error").Single().Properties["title"], Is.EqualTo("deploy-metadata: invalid input 'output-dir'"));
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("must stay inside the workspace"));
            Assert.That(Directory.GetFiles(dir.Path, "deploy-*.json", SearchOption.AllDirectories), Is.Empty);
            Assert.That(result.Outputs, Is.EquivalentTo(new Dictionary<string, string> { ["created"] = "false", ["rollback"] = "error" }), "only the fail-closed decision outputs");
            Assert.That(result.Summary, Does.Contain("deploy-metadata: the run failed"));
        });
    }

    [Test]
    public async Task Run_OutputDirThroughASymlinkOutOfTheWorkspace_IsRefused()
    {
        using var dir = new TemporaryDirectory();
        var outside = Directory.CreateDirectory(Path.Combine(dir.Path, "outside")).FullName;
        Directory.CreateDirectory(Path.Combine(dir.Path, "workspace"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "workspace", "records"), outside);
        var result = await Run(dir, with: new() { ["output-dir"] = "records" });
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error").Single().Message, Does.Contain("must stay inside the workspace"));
            Assert.That(Directory.GetFiles(outside), Is.Empty);
        });
    }
}
