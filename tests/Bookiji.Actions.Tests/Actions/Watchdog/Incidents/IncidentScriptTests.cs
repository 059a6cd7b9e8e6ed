using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.State;
using static Bookiji.Actions.Tests.Actions.Watchdog.Incidents.IncidentPolicyFixture;

namespace Bookiji.Actions.Tests.Actions.Watchdog.Incidents;

[TestFixture]
public sealed class IncidentScriptTests
{
    [Test]
    public void Build_DuplicatesAndAFailingRun_ClosesDuplicatesFirstThenCommentsTheKeptOne()
    {
        var selection = Select(Issue(10), Issue(12));
        var plan = Plan(WatchdogStatus.Down, new WatchdogState { FailureStreak = 1, IncidentNumber = 10 }, selection.OpenNumber);
        var steps = IncidentScript.Build(selection, plan, Facts());
        Assert.That(steps.Select(s => (s.Kind, s.Number, s.CloseReason)), Is.EqualTo(new[]
        {
            (IncidentStepKind.Comment, 12, (string?)null),
            (IncidentStepKind.Update, 12, "not_planned"),
            (IncidentStepKind.Comment, 10, null),
            (IncidentStepKind.Update, 10, null),
        }));
        Assert.That(steps[0].Text, Is.EqualTo(IncidentText.DuplicateComment(10)));
        Assert.That(IncidentMarker.Read(steps[3].Text)!.FailureStreak, Is.EqualTo(2), "the kept incident's marker carries the new streak");
    }

    [Test]
    public void Build_NoIncidentAndTheThresholdReached_OpensOneWithTheMarker()
    {
        var plan = Plan(WatchdogStatus.Down, WatchdogState.Empty, null);
        var steps = IncidentScript.Build(Select(), plan, Facts());
        Assert.That(steps.Single().Kind, Is.EqualTo(IncidentStepKind.Open));
        Assert.That(IncidentMarker.Read(steps.Single().Text)!.FailureStreak, Is.EqualTo(1));
    }

    [Test]
    public void Build_RecoveryStreakReached_CommentsTheRecoveryAndClosesCompleted()
    {
        var selection = Select(Issue(10));
        var plan = Plan(WatchdogStatus.Ok, new WatchdogState { SuccessStreak = 1, IncidentNumber = 10 }, 10);
        var steps = IncidentScript.Build(selection, plan, Facts("ok"));
        Assert.That(steps.Select(s => (s.Kind, s.CloseReason)), Is.EqualTo(new[] { (IncidentStepKind.Comment, (string?)null), (IncidentStepKind.Update, "completed") }));
    }

    [Test]
    public void Build_HealthyWithNothingOpen_CallsNothing() =>
        Assert.That(IncidentScript.Build(Select(), Plan(WatchdogStatus.Ok, WatchdogState.Empty, null), Facts("ok")), Is.Empty);

    [Test]
    public void Converge_AnOlderIncidentOfOursAppeared_ClosesOursAndMovesTheResultsThere()
    {
        var created = Issue(20);
        var plan = Plan(WatchdogStatus.Down, WatchdogState.Empty, null);
        var (older, steps) = IncidentScript.Converge(created, [Issue(18), created, Issue(19, login: "mallory", type: "User")], plan, Facts());
        Assert.That(older?.Number, Is.EqualTo(18));
        Assert.That(steps.Select(s => (s.Kind, s.Number, s.CloseReason)), Is.EqualTo(new[]
        {
            (IncidentStepKind.Comment, 20, (string?)null),
            (IncidentStepKind.Update, 20, "not_planned"),
            (IncidentStepKind.Comment, 18, null),
            (IncidentStepKind.Update, 18, null),
        }));
        Assert.That(IncidentMarker.Read(steps[3].Text)!.IncidentNumber, Is.EqualTo(18));
    }

    [Test]
    public void Converge_OnlyOursOpenOrOlderOnesAreSomeoneElses_OursStands()
    {
        var created = Issue(20);
        var (older, steps) = IncidentScript.Converge(created, [Issue(5, login: "mallory", type: "User"), created], Plan(WatchdogStatus.Down, WatchdogState.Empty, null), Facts());
        Assert.That(older, Is.Null);
        Assert.That(steps, Is.Empty);
    }
}
