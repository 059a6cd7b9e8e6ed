using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Watchdog.Checks;
using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Tests.Actions.Watchdog;

[TestFixture]
public sealed class WatchdogCoreTests
{
    private static ProbeResponse Answer(int status, string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        return new ProbeResponse(status, null, 0, 0, new BoundedBody(bytes, bytes.Length, null));
    }

    [TestCase("[STATUS] == 200", 200, "{}", true)]
    [TestCase("[STATUS] == 200", 503, "{}", false)]
    [TestCase("[STATUS] < 400", 302, "{}", true)]
    [TestCase("[RESPONSE_TIME] < 800", 200, "{}", true)]
    [TestCase("[BODY].status == ok", 200, """{"status":"ok"}""", true)]
    [TestCase("[BODY].status == ok", 200, """{"status":"UP"}""", false)]
    [TestCase("[BODY].items[1].n >= 2", 200, """{"items":[{"n":1},{"n":2}]}""", true)]
    [TestCase("[BODY].items[5].n >= 2", 200, """{"items":[]}""", false)]
    [TestCase("[BODY] == pong", 200, "pong", true)]
    public void Gatus_conditions_evaluate_as_documented(string text, int status, string body, bool passes)
    {
        var (condition, error) = ConditionParser.Parse(text);
        Assert.That(error, Is.Null);
        Assert.That(condition!.Evaluate(Answer(status, body), TimeSpan.FromMilliseconds(50)).Passed, Is.EqualTo(passes));
    }

    [TestCase("STATUS == 200")]
    [TestCase("[STATUS] = 200")]
    [TestCase("[STATUS].x == 200")]
    [TestCase("[RESPONSE_TIME] < fast")]
    public void Malformed_conditions_are_refused_with_a_reason(string text) =>
        Assert.That(ConditionParser.Parse(text).Error, Is.Not.Null.And.Contains(text.Trim()));

    [Test]
    public void A_damaged_or_hostile_marker_is_absent_and_replacing_keeps_human_edits()
    {
        Assert.That(IncidentMarker.Read("no marker"), Is.Null);
        Assert.That(IncidentMarker.Read(IncidentMarker.Start + " {not json -->"), Is.Null);
        var state = new WatchdogState { FailureStreak = 3, LastSignature = "down,<script>-->" };
        var body = "Human notes above.\n\n" + IncidentMarker.Write(state) + "\nHuman notes below.";
        Assert.That(IncidentMarker.Write(state), Does.Not.Contain("<script>"), "JSON escapes < and >, so the comment cannot be closed early");
        Assert.That(IncidentMarker.Read(body)!.FailureStreak, Is.EqualTo(3));
        var replaced = IncidentMarker.Replace(body, state with { FailureStreak = 4 });
        Assert.That(replaced, Does.StartWith("Human notes above.").And.EndWith("Human notes below."));
        Assert.That(IncidentMarker.Read(replaced)!.FailureStreak, Is.EqualTo(4));
    }

    [Test]
    public void A_github_transport_failure_is_described_with_the_one_classification() =>
        Assert.That(
            IncidentManager.Describe(new HttpRequestException("x", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))),
            Is.EqualTo("GitHub could not be reached (refused)."));

    [Test]
    public void Unknown_never_moves_the_streaks_or_the_incident()
    {
        var previous = new WatchdogState { FailureStreak = 2, IncidentNumber = 7 };
        var plan = IncidentPlanner.Plan(WatchdogStatus.Unknown, "unknown", previous, 7, 1, 2, DateTimeOffset.UnixEpoch);
        Assert.That(plan.Action, Is.EqualTo(IncidentAction.None));
        Assert.That(plan.State.FailureStreak, Is.EqualTo(2));
    }

    [Test]
    public void Remediation_waits_for_the_cooldown()
    {
        var now = new DateTimeOffset(2025, 12, 7, 10, 0, 0, TimeSpan.Zero);
        var state = new WatchdogState { LastRemediationAt = now.AddMinutes(-10) };
        Assert.That(IncidentPlanner.ShouldRemediate(WatchdogStatus.Down, true, false, state, TimeSpan.FromMinutes(30), now).Run, Is.False);
        Assert.That(IncidentPlanner.ShouldRemediate(WatchdogStatus.Down, true, false, state, TimeSpan.FromMinutes(5), now).Run, Is.True);
        Assert.That(IncidentPlanner.ShouldRemediate(WatchdogStatus.Ok, true, false, WatchdogState.Empty, TimeSpan.Zero, now).Run, Is.False);
    }
}
