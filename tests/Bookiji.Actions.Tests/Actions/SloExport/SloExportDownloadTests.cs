using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Bookiji.Actions.StandIns;
using Bookiji.Actions.StandIns.Fakes;
using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Tests.Actions.SloExport;

/// <summary>Artifact download through the GitHub API (fake server on loopback): every failure is a warning that keeps the rest.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SloExportDownloadTests
{
    private const string Repo = "bookiji/bookiji";
    private static readonly DateTimeOffset Now = SloExportHarness.Now;

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] RunZip(long runId, double latency = 300) =>
        Zip(($"run-{runId}-1.json", System.Text.Encoding.UTF8.GetBytes(SloExportHarness.Metrics(runId, Now.AddHours(-runId), [latency]))));

    private static Task<ActionRunResult> Run(TemporaryDirectory dir, FakeGitHubServer? fake, string? apiUrl = null, Dictionary<string, string>? with = null)
    {
        // Generous by default (refused and reset connections are retried with back-off first); hang tests set their own.
        var inputs = new Dictionary<string, string> { ["artifact-name"] = "ci-metrics", ["download-timeout"] = "60s" };
        foreach (var (key, value) in with ?? [])
        {
            inputs[key] = value;
        }

        return SloExportHarness.Run(dir, with: inputs, github: new Dictionary<string, string>
        {
            ["run_id"] = "4242",
            ["api_url"] = apiUrl ?? fake!.ApiUrl,
            ["token"] = fake?.Token ?? "ghs_unused",
        });
    }

    private static void LocalRun(TemporaryDirectory dir) => SloExportHarness.WriteRun(dir, "local.json", SloExportHarness.Metrics(77, Now.AddHours(-1)));

    [Test]
    public async Task Download_TakesTheMostRecentArtifactsByName_WithoutSendingTheTokenToBlobStorage()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        for (var i = 1; i <= 4; i++)
        {
            var id = i;
            fake.AddArtifact(Repo, "ci-metrics", RunZip(id), a => { a.RunId = id; a.CreatedAt = Now.AddHours(-10 + id); });
        }

        fake.AddArtifact(Repo, "other-artifact", RunZip(99));
        fake.AddArtifact(Repo, "ci-metrics", RunZip(98), a => a.Expired = true);
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, fake, with: new() { ["artifact-limit"] = "3" });
        var folders = Directory.GetDirectories(Path.Combine(result.Workspace, "ci-metrics")).Select(Path.GetFileName).Order();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(result.Annotations("warning"), Is.Empty, result.Log);
            Assert.That(result.Outputs["runs"], Is.EqualTo("3"), "the three newest of four; expired and other names skipped");
            Assert.That(folders, Is.EqualTo(new[] { "artifact-1002", "artifact-1003", "artifact-1004" }));
            Assert.That(fake.RequestLog, Has.Some.StartsWith("GET /repos/bookiji/bookiji/actions/artifacts?name=ci-metrics"));
            Assert.That(fake.RequestLog.Count(r => r.StartsWith($"GET {FakeGitHubServer.BlobPrefix}/", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(fake.BlobRequestsWithAuthorization, Is.Zero, "the token never leaves the API host");
            Assert.That(result.Summary, Does.Contain("3 of 3 artifact(s) downloaded"));
        });
    }

    [TestCase(FakeArtifactList.Garbage, "not the artifacts JSON")]
    [TestCase(FakeArtifactList.WrongShape, "not the artifacts JSON")]
    [TestCase(FakeArtifactList.Reset, "the request failed")]
    [TestCase(FakeArtifactList.Hang, "no answer within")]
    public async Task ListFailures_AreAWarning_AndTheLocalFilesAreStillUsed(FakeArtifactList mode, string expected)
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        fake.ArtifactListMode = mode;
        using var dir = new TemporaryDirectory();
        LocalRun(dir);
        // Reset is retried (with back-off) before it is reported; a hang is cut at the bound.
        var result = await Run(dir, fake, with: new() { ["download-timeout"] = mode == FakeArtifactList.Hang ? "2s" : "30s" });
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Annotations("warning").Single().Message, Does.Contain(expected));
            Assert.That(result.Annotations("warning").Single().Properties["title"], Is.EqualTo("slo-export: download"));
            Assert.That(result.Outputs["runs"], Is.EqualTo("1"));
        });
    }

    [Test]
    public async Task RefusedConnection_IsAWarning_AndTheLocalFilesAreStillUsed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var dir = new TemporaryDirectory();
        LocalRun(dir);
        var result = await Run(dir, null, apiUrl: $"http://127.0.0.1:{port}");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Annotations("warning").Single().Message, Does.Contain("the request failed"));
            Assert.That(result.Outputs["runs"], Is.EqualTo("1"));
        });
    }

    [Test]
    public async Task OneBadArtifact_InEveryWay_IsNamed_AndTheGoodOnesAreUsed()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        fake.AddArtifact(Repo, "ci-metrics", RunZip(1), a => a.RunId = 1);
        fake.AddArtifact(Repo, "ci-metrics", RunZip(2), a => { a.RunId = 2; a.Download = FakeArtifactDownload.Reset; });
        fake.AddArtifact(Repo, "ci-metrics", RunZip(3), a => { a.RunId = 3; a.Download = FakeArtifactDownload.Gone; });
        fake.AddArtifact(Repo, "ci-metrics", RunZip(4), a => { a.RunId = 4; a.Download = FakeArtifactDownload.BadRedirect; });
        fake.AddArtifact(Repo, "ci-metrics", "this is not a zip"u8.ToArray(), a => a.RunId = 5);
        fake.AddArtifact(Repo, "ci-metrics", RunZip(6), a => { a.RunId = 6; a.Download = FakeArtifactDownload.Direct; });
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, fake);
        var warning = result.Annotations("warning").Single();
        var details = File.ReadAllText(Path.Combine(result.Workspace, "slo", "slo-summary.json"));
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(warning.Message, Does.StartWith("4 download problem(s)"));
            Assert.That(details, Does.Contain("artifact #1002 (run 2)").And.Contain("artifact #1003 (run 3)").And.Contain("410"));
            Assert.That(details, Does.Contain("artifact #1004 (run 4)").And.Contain("no absolute http(s) Location"));
            Assert.That(details, Does.Contain("artifact #1005 (run 5)").And.Contain("not a valid zip"));
            Assert.That(result.Outputs["runs"], Is.EqualTo("2"), "runs 1 and 6 arrived");
        });
    }

    [Test]
    public async Task HangingBlob_IsCutAtTheDownloadTimeout_KeepingWhatArrived()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        fake.AddArtifact(Repo, "ci-metrics", RunZip(1), a => a.RunId = 1);
        fake.AddArtifact(Repo, "ci-metrics", RunZip(2), a => { a.RunId = 2; a.Download = FakeArtifactDownload.Hang; });
        using var dir = new TemporaryDirectory();
        // Long enough for the good artifact to arrive on a loaded machine; the hanging one is cut at it.
        var result = await Run(dir, fake, with: new() { ["download-timeout"] = "8s" });
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Annotations("warning"), Has.Count.EqualTo(1), result.Log);
            Assert.That(result.Annotations("warning")[0].Message, Does.Contain("did not finish within"));
            Assert.That(result.Outputs["runs"], Is.EqualTo("1"));
        });
    }

    [Test]
    public async Task HostileZip_EntriesNeverLeaveTheirFolder_AndABombIsDropped()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        var metrics = System.Text.Encoding.UTF8.GetBytes(SloExportHarness.Metrics(1, Now.AddHours(-1)));
        var other = System.Text.Encoding.UTF8.GetBytes(SloExportHarness.Metrics(1, Now.AddHours(-2), attempt: 2));
        var bomb = new byte[MetricsLimit + 1024];
        fake.AddArtifact(Repo, "ci-metrics", Zip(("../../../escaped.json", metrics), ("/abs/..\\..\\escaped.json", other), ("bomb.json", bomb), ("notes.txt", metrics)));
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, fake);
        var folder = Path.Combine(result.Workspace, "ci-metrics", "artifact-1001");
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("warning"), Has.Count.EqualTo(2), "the bomb, and the run's two attempts counted once: " + result.Log);
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToArray(), Is.EqualTo(new[] { "2-escaped.json", "escaped.json" }), "last segment only, made unique; txt ignored; bomb removed");
            Assert.That(File.Exists(Path.Combine(dir.Path, "escaped.json")) || File.Exists(Path.Combine(result.Workspace, "escaped.json")), Is.False);
            Assert.That(result.Annotations("warning").Select(w => w.Message), Has.Some.Contains("zip-bomb guard"));
            Assert.That(result.Outputs["runs"], Is.EqualTo("1"), "two attempts of one run");
        });
    }

    [Test]
    public async Task Forgery_ForkArtifactsOtherBranchesAndFilesClaimingAnotherRun_AreRefusedAndCounted()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        var red = Zip(("run-7-1.json", System.Text.Encoding.UTF8.GetBytes(SloExportHarness.Metrics(7, Now.AddHours(-3), [990], passed: 5, failed: 5))));
        var forged = Zip(("run-7-99.json", System.Text.Encoding.UTF8.GetBytes(SloExportHarness.Metrics(7, Now.AddHours(-2), [10], passed: 10, failed: 0, attempt: 99))));
        fake.AddArtifact(Repo, "ci-metrics", red, a => { a.RunId = 7; a.CreatedAt = Now.AddHours(-3); });
        fake.AddArtifact(Repo, "ci-metrics", forged, a => { a.RunId = 7; a.HeadRepositoryId = 424242; a.HeadBranch = "main"; a.CreatedAt = Now.AddHours(-2); });
        fake.AddArtifact(Repo, "ci-metrics", forged, a => { a.RunId = 7; a.HeadBranch = "feature/green"; a.CreatedAt = Now.AddHours(-1.5); });
        fake.AddArtifact(Repo, "ci-metrics", forged, a => { a.RunId = 8; a.CreatedAt = Now.AddHours(-1); });
        using var dir = new TemporaryDirectory();
        var result = await Run(dir, fake);
        var warnings = string.Join("\n", result.Annotations("warning").Select(w => w.Message));
        Assert.Multiple(() =>
        {
            Assert.That(result.Annotations("error"), Is.Empty, result.Log);
            Assert.That(result.Outputs["runs"], Is.EqualTo("1"), "only the red main run counts");
            Assert.That(result.Outputs["pass-rate"], Is.EqualTo("50"), "the fork's attempt 99 did not replace it");
            Assert.That(result.Outputs["compliant"], Is.EqualTo("false"));
            Assert.That(warnings, Does.Contain("refused"), "one warning says artifacts were refused");
            Assert.That(result.Summary, Does.Contain("forks"), "the summary says what was refused and why");
            Assert.That(result.Summary, Does.Contain("not on main"));
            Assert.That(result.Summary, Does.Contain("describes run 7 but was uploaded by run 8"));
        });
    }

    [Test]
    public async Task Branches_DefaultBranchFromTheApi_AndArtifactBranchesWidensIt()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        fake.DefaultBranch = "trunk";
        fake.AddArtifact(Repo, "ci-metrics", RunZip(1), a => { a.RunId = 1; a.HeadBranch = "trunk"; });
        fake.AddArtifact(Repo, "ci-metrics", RunZip(2), a => { a.RunId = 2; a.HeadBranch = "release/1"; });
        using var dir = new TemporaryDirectory();
        var byDefault = await Run(dir, fake);
        using var dir2 = new TemporaryDirectory();
        var widened = await Run(dir2, fake, with: new() { ["artifact-branches"] = "trunk\nrelease/1" });
        Assert.Multiple(() =>
        {
            Assert.That(byDefault.Outputs["runs"], Is.EqualTo("1"), "the API's default branch (schedule events name none)");
            Assert.That(widened.Outputs["runs"], Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task Download_LinkPlantedAtTheArtifactFolder_IsNotFollowed()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        fake.AddArtifact(Repo, "ci-metrics", RunZip(1));
        using var dir = new TemporaryDirectory();
        using var outside = new TemporaryDirectory();
        Directory.CreateDirectory(dir.Combine("workspace", "ci-metrics"));
        Directory.CreateSymbolicLink(dir.Combine("workspace", "ci-metrics", "artifact-1001"), outside.Path);
        var result = await Run(dir, fake);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(outside.Path), Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(result.Workspace, "slo", "slo-summary.json")), Does.Contain("a link leading out of the metrics folder"));
            Assert.That(result.ExitCode, Is.Zero);
        });
    }

    private const long MetricsLimit = Bookiji.Actions.SloExport.Metrics.MetricsLoader.MaxFileBytes;
}
