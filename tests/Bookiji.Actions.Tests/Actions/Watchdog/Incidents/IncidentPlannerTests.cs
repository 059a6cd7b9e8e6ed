using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Tests.Actions.Watchdog.Incidents;

[TestFixture]
public sealed class IncidentPlannerTests
{
    [Test]
    public void Plan_StatusUnknown_NeverMovesTheStreaksOrTheIncident()
    {
        var previous = new WatchdogState { FailureStreak = 2, IncidentNumber = 7 };
        var plan = IncidentPlanner.Plan(WatchdogStatus.Unknown, "unknown", previous, 7, 1, 2, DateTimeOffset.UnixEpoch);
        Assert.That(plan.Action, Is.EqualTo(IncidentAction.None));
        Assert.That(plan.State.FailureStreak, Is.EqualTo(2));
    }

    [Test]
    public void ShouldRemediate_WithinTheCooldown_Waits()
    {
        var now = new DateTimeOffset(2025, 12, 7, 10, 0, 0, TimeSpan.Zero);
        var state = new WatchdogState { LastRemediationAt = now.AddMinutes(-10) };
        Assert.That(IncidentPlanner.ShouldRemediate(WatchdogStatus.Down, true, false, state, TimeSpan.FromMinutes(30), now).Run, Is.False);
        Assert.That(IncidentPlanner.ShouldRemediate(WatchdogStatus.Down, true, false, state, TimeSpan.FromMinutes(5), now).Run, Is.True);
        Assert.That(IncidentPlanner.ShouldRemediate(WatchdogStatus.Ok, true, false, WatchdogState.Empty, TimeSpan.Zero, now).Run, Is.False);
    }

    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [TestCase(1, IncidentAction.None)]
    [TestCase(2, IncidentAction.Open)]
    public void Plan_FailingWithoutAnIncident_OpensOnlyAtTheThreshold(int run, IncidentAction expected)
    {
        var previous = new WatchdogState { FailureStreak = run - 1 };
        var plan = IncidentPlanner.Plan(WatchdogStatus.Down, "down,health:fail", previous, null, failureThreshold: 2, successThreshold: 2, Now);
        Assert.That(plan.Action, Is.EqualTo(expected));
        Assert.That(plan.State.FailureStreak, Is.EqualTo(run));
    }

    [TestCase("down,health:fail", IncidentAction.UpdateMarker)]
    [TestCase("degraded,bookings:fail", IncidentAction.Comment)]
    public void Plan_FailingWithAnIncident_CommentsOnlyWhenTheSignatureChanged(string signature, IncidentAction expected)
    {
        var previous = new WatchdogState { FailureStreak = 3, IncidentNumber = 9, LastSignature = "down,health:fail" };
        var plan = IncidentPlanner.Plan(WatchdogStatus.Down, signature, previous, 9, 2, 2, Now);
        Assert.That(plan.Action, Is.EqualTo(expected));
    }

    [TestCase(0, IncidentAction.Comment)]
    [TestCase(1, IncidentAction.Close)]
    public void Plan_HealthyWithAnIncident_ClosesAfterTheSuccessThreshold(int healthySoFar, IncidentAction expected)
    {
        var previous = new WatchdogState { SuccessStreak = healthySoFar, IncidentNumber = 9, LastSignature = "down,health:fail" };
        var plan = IncidentPlanner.Plan(WatchdogStatus.Ok, "ok", previous, 9, 2, 2, Now);
        Assert.That(plan.Action, Is.EqualTo(expected));
        Assert.That(plan.State.IncidentNumber, Is.EqualTo(expected == IncidentAction.Close ? null : 9));
    }
}
