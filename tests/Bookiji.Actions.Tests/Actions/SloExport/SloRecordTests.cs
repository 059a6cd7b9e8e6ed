using Bookiji.Actions.StandIns;
using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Tests.Actions.SloExport;

/// <summary>Record mode: a test report becomes this run's CI metrics file, which export then reads.</summary>
[Category("Integration")]
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SloRecordTests
{
    private const string Playwright = """
        {
          "config": {}, "errors": [],
          "suites": [
            { "title": "booking-flow.spec.ts", "file": "tests/e2e/booking-flow.spec.ts", "specs": [
                { "title": "books a slot", "file": "tests/e2e/booking-flow.spec.ts", "tests": [
                    { "projectName": "chromium", "status": "expected", "annotations": [], "results": [ { "status": "passed", "duration": 412.4 } ] },
                    { "projectName": "firefox", "status": "flaky", "annotations": [], "results": [ { "status": "failed", "duration": 900 }, { "status": "passed", "duration": 455 } ] } ] },
                { "title": "reschedules", "tests": [
                    { "projectName": "chromium", "status": "expected", "annotations": [ { "type": "booking-latency-ms", "description": "233" }, { "type": "booking-latency-ms", "description": "250.5" } ], "results": [ { "status": "passed", "duration": 5000 } ] } ] } ],
              "suites": [] },
            { "title": "auth.spec.ts", "file": "tests/e2e/auth.spec.ts", "specs": [], "suites": [
                { "title": "login", "specs": [
                    { "title": "rejects a bad password", "tests": [ { "projectName": "chromium", "status": "unexpected", "results": [ { "status": "failed", "duration": 100 } ] } ] },
                    { "title": "sso", "tests": [ { "projectName": "chromium", "status": "skipped", "results": [] } ] } ] } ] }
          ]
        }
        """;

    private const string JUnit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="e2e" tests="4" failures="1" skipped="1">
          <testsuite name="booking-flow.spec.ts" tests="3">
            <testcase name="books a slot" classname="booking-flow.spec.ts" time="0.412"/>
            <testcase name="reschedules" classname="booking-flow.spec.ts" time="3.2">
              <properties><property name="booking-latency-ms" value="240"/></properties>
            </testcase>
            <testcase name="cancels" classname="booking-flow.spec.ts" time="0.5"><failure message="timeout">boom</failure></testcase>
          </testsuite>
          <testsuite name="auth.spec.ts"><testcase name="sso" classname="auth.spec.ts" time="0"><skipped/></testcase></testsuite>
        </testsuites>
        """;

    private static Task<ActionRunResult> Record(TemporaryDirectory dir, string report, Dictionary<string, string>? with = null, string eventName = "push")
    {
        dir.WriteFile($"workspace/{report}", report.EndsWith(".xml", StringComparison.Ordinal) ? JUnit : Playwright);
        var inputs = new Dictionary<string, string> { ["mode"] = "record", ["report-file"] = report };
        foreach (var (key, value) in with ?? [])
        {
            inputs[key] = value;
        }

        return SloExportHarness.Run(dir, with: inputs, eventName: eventName, github: new Dictionary<string, string>
        {
            ["run_id"] = "4242",
            ["run_attempt"] = "2",
            ["sha"] = "9fceb02d0ae598e95dc970b74767f19372d61af8",
            ["workflow"] = "ci-e2e",
        });
    }

    [Test]
    public async Task Playwright_CountsTests_AndTakesBookingLatenciesFromAnnotationsOrPassedDurations()
    {
        using var dir = new TemporaryDirectory();
        var result = await Record(dir, "playwright-report.json", new() { ["health-checks"] = "60", ["health-failures"] = "1" });
        var metrics = SloExportHarness.ReadJson(result, result.Outputs["metrics-file"]);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(result.Outputs["metrics-file"], Is.EqualTo("ci-metrics/run-4242-2.json"));
            Assert.That(metrics.Select(p => p.Key).Take(9), Is.EqualTo(new[] { "schemaVersion", "timestamp", "commitSha", "runId", "runAttempt", "workflow", "passed", "tests", "bookingLatenciesMs" }));
            Assert.That(metrics["timestamp"]!.GetValue<string>(), Is.EqualTo("2025-12-07T03:00:00Z"));
            Assert.That(metrics["passed"]!.GetValue<bool>(), Is.False, "one test failed");
            Assert.That(metrics["tests"]!.ToJsonString(), Is.EqualTo("""{"total":5,"passed":3,"failed":1,"skipped":1}"""));
            Assert.That(metrics["bookingLatenciesMs"]!.AsArray().Select(n => n!.GetValue<double>()), Is.EqualTo(new[] { 412.4, 455, 233, 250.5 }));
            Assert.That(metrics["health"]!.ToJsonString(), Is.EqualTo("""{"checks":60,"failures":1}"""));
            Assert.That(result.Summary, Does.Contain("CI metrics recorded"));
        });
    }

    [Test]
    public async Task JUnit_IsDetectedByContent_AndItsBookingCasesGiveSamples()
    {
        using var dir = new TemporaryDirectory();
        var result = await Record(dir, "junit.xml", eventName: "workflow_dispatch");
        var metrics = SloExportHarness.ReadJson(result, result.Outputs["metrics-file"]);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Log);
            Assert.That(metrics["tests"]!.ToJsonString(), Is.EqualTo("""{"total":4,"passed":2,"failed":1,"skipped":1}"""));
            Assert.That(metrics["bookingLatenciesMs"]!.AsArray().Select(n => n!.GetValue<double>()), Is.EqualTo(new[] { 412, 240 }));
            Assert.That(metrics["source"]!.GetValue<string>(), Is.EqualTo("slo-export record (junit)"));
            Assert.That(metrics["event"]!.GetValue<string>(), Is.EqualTo("workflow_dispatch"));
        });
    }

    [Test]
    public async Task Record_ThenExport_RecordedFilesAreWhatExportReads()
    {
        using var dir = new TemporaryDirectory();
        await Record(dir, "playwright-report.json");
        var export = await SloExportHarness.Run(dir);
        Assert.Multiple(() =>
        {
            Assert.That(export.Annotations("warning"), Is.Empty, export.Log);
            Assert.That(export.Outputs["runs"], Is.EqualTo("1"));
            Assert.That(export.Outputs["booking-p95"], Is.EqualTo("455"));
        });
    }

    [Test]
    public async Task Record_NoBookingTestMatches_IsAWarningNamingThePattern()
    {
        using var dir = new TemporaryDirectory();
        var result = await Record(dir, "junit.xml", new() { ["booking-pattern"] = "checkout" });
        Assert.That(result.Annotations("warning").Single().Message, Does.Contain("booking-pattern 'checkout'"));
    }

    [Test]
    public async Task XmlWithADtd_IsRefused_NotExpanded()
    {
        using var dir = new TemporaryDirectory();
        dir.WriteFile("workspace/evil.xml", """<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuites><testcase name="&x;"/></testsuites>""");
        var result = await SloExportHarness.Run(dir, with: new() { ["mode"] = "record", ["report-file"] = "evil.xml" });
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Annotations("error").Single().Properties["title"], Is.EqualTo("slo-export: unreadable test report"));
            Assert.That(Directory.Exists(Path.Combine(result.Workspace, "ci-metrics")), Is.False);
        });
    }

    [Test]
    public async Task MissingReport_AndInconsistentHealth_AreErrorsNamingTheInputs()
    {
        using var dir = new TemporaryDirectory();
        var missing = await SloExportHarness.Run(dir, with: new() { ["mode"] = "record", ["report-file"] = "nope.json" });
        var health = await SloExportHarness.Run(dir, with: new() { ["mode"] = "record", ["health-failures"] = "2" });
        Assert.Multiple(() =>
        {
            Assert.That(missing.Annotations("error").Single().Properties["title"], Is.EqualTo("slo-export: no test report"));
            Assert.That(health.Annotations("error").Select(e => e.Properties["title"]), Is.EquivalentTo(new[] { "slo-export: invalid input 'report-file'", "slo-export: invalid input 'health-failures'" }));
        });
    }
}
