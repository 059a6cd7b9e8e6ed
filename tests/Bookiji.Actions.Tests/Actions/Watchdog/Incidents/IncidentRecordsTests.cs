using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.State;
using static Bookiji.Actions.Tests.Actions.Watchdog.Incidents.IncidentPolicyFixture;

namespace Bookiji.Actions.Tests.Actions.Watchdog.Incidents;

[TestFixture]
public sealed class IncidentRecordsTests
{
    private static readonly IncidentPlan OpenPlan = Plan(WatchdogStatus.Down, WatchdogState.Empty, null);

    [Test]
    public void From_OpenedAndNoOlderOne_IsOpenedWithTheNewNumberInTheState()
    {
        var created = Issue(20);
        var (record, state) = IncidentRecords.From(OpenPlan, Select(), new IncidentOutcome([IncidentStep.Open("b")], created, null, null));
        Assert.Multiple(() =>
        {
            Assert.That(record.Action, Is.EqualTo("opened"));
            Assert.That(record.Number, Is.EqualTo(20));
            Assert.That(record.Url, Is.EqualTo(created.HtmlUrl));
            Assert.That(state.IncidentNumber, Is.EqualTo(20));
        });
    }

    [Test]
    public void From_ConvergedOnAnOlderOne_IsCommentedOnTheOlderWithOursClosed()
    {
        var created = Issue(20);
        var (_, steps) = IncidentScript.Converge(created, [Issue(18), created], OpenPlan, Facts());
        var (record, state) = IncidentRecords.From(OpenPlan, Select(), new IncidentOutcome([IncidentStep.Open("b"), .. steps], created, Issue(18), null));
        Assert.Multiple(() =>
        {
            Assert.That(record.Action, Is.EqualTo("commented"));
            Assert.That(record.Number, Is.EqualTo(18));
            Assert.That(record.ClosedDuplicates, Is.EqualTo(new[] { 20 }));
            Assert.That(state.IncidentNumber, Is.EqualTo(18));
        });
    }

    [Test]
    public void From_OursClosedAsDuplicateThenTheOlderOnesCommentFailed_IsFailedNamingTheOlderNeverTheClosedOne()
    {
        // The bug this replaced: the result said "opened #20" although #20 had just been closed as a duplicate.
        var created = Issue(20);
        var (_, steps) = IncidentScript.Converge(created, [Issue(18), created], OpenPlan, Facts());
        var done = new[] { IncidentStep.Open("b"), steps[0], steps[1] };
        var (record, state) = IncidentRecords.From(OpenPlan, Select(), new IncidentOutcome(done, created, Issue(18), "GitHub answered 502."));
        Assert.Multiple(() =>
        {
            Assert.That(record.Action, Is.EqualTo("failed"));
            Assert.That(record.Number, Is.EqualTo(18));
            Assert.That(record.ClosedDuplicates, Is.EqualTo(new[] { 20 }));
            Assert.That(record.Problem, Is.EqualTo("GitHub answered 502."));
            Assert.That(state.IncidentNumber, Is.EqualTo(18), "the next run works on the incident that is open");
        });
    }

    [Test]
    public void From_OpenedThenTheLookAgainFailed_IsOpenedWithTheProblem()
    {
        var created = Issue(20);
        var (record, state) = IncidentRecords.From(OpenPlan, Select(), new IncidentOutcome([IncidentStep.Open("b")], created, null, "GitHub did not answer within the run's deadline."));
        Assert.That((record.Action, record.Number, state.IncidentNumber), Is.EqualTo(("opened", (int?)20, (int?)20)));
        Assert.That(record.Problem, Is.Not.Null);
    }

    [Test]
    public void From_OpenFailed_IsFailedWithoutANumberAndTheStreakKept()
    {
        var (record, state) = IncidentRecords.From(OpenPlan, Select(), new IncidentOutcome([], null, null, "GitHub answered 403."));
        Assert.That((record.Action, record.Number), Is.EqualTo(("failed", (int?)null)));
        Assert.That(state.FailureStreak, Is.EqualTo(1), "the next failing run opens it");
    }

    [Test]
    public void From_CloseFailedHalfWay_KeepsTheIncidentInTheState()
    {
        var selection = Select(Issue(10));
        var plan = Plan(WatchdogStatus.Ok, new WatchdogState { SuccessStreak = 1, IncidentNumber = 10 }, 10);
        var steps = IncidentScript.Build(selection, plan, Facts("ok"));
        var (record, state) = IncidentRecords.From(plan, selection, new IncidentOutcome([steps[0]], null, null, "GitHub answered 500."));
        Assert.That((record.Action, record.Number, state.IncidentNumber), Is.EqualTo(("failed", (int?)10, (int?)10)), "the next healthy run closes it");
    }

    [Test]
    public void From_DuplicatesClosedAndNothingElseToDo_IsNoneListingThem()
    {
        var selection = Select(Issue(10), Issue(11));
        var plan = Plan(WatchdogStatus.Unknown, new WatchdogState { IncidentNumber = 10 }, 10);
        var steps = IncidentScript.Build(selection, plan, Facts("unknown"));
        var (record, _) = IncidentRecords.From(plan, selection, new IncidentOutcome(steps, null, null, null));
        Assert.That((record.Action, record.Number), Is.EqualTo(("none", (int?)10)));
        Assert.That(record.ClosedDuplicates, Is.EqualTo(new[] { 11 }));
    }

    [Test]
    public void Unavailable_AnIncidentActionPlanned_IsFailedWithTheProblem()
    {
        var (record, _) = IncidentRecords.Unavailable(OpenPlan, Select(), "no github-token");
        Assert.That((record.Action, record.Problem), Is.EqualTo(("failed", "no github-token")));
    }

    [Test]
    public void DryRun_OpenPlanned_WouldOpen() =>
        Assert.That(IncidentRecords.DryRun(OpenPlan).Record.Action, Is.EqualTo("would-open"));
}
