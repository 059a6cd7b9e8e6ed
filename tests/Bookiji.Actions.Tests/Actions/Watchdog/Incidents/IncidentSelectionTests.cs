using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.State;
using static Bookiji.Actions.Tests.Actions.Watchdog.Incidents.IncidentPolicyFixture;

namespace Bookiji.Actions.Tests.Actions.Watchdog.Incidents;

[TestFixture]
public sealed class IncidentSelectionTests
{
    [Test]
    public void From_SeveralOfOurs_KeepsTheOldestAndNamesNewerSameTitleOnesDuplicates()
    {
        var selection = Select(Issue(12), Issue(10), Issue(11, title: "Post-mortem"));
        Assert.Multiple(() =>
        {
            Assert.That(selection.Kept?.Number, Is.EqualTo(10));
            Assert.That(selection.OpenNumber, Is.EqualTo(10));
            Assert.That(selection.Duplicates.Select(d => d.Number), Is.EqualTo(new[] { 12 }), "another title is not a duplicate");
        });
    }

    [Test]
    public void From_SomeoneElsesIssue_IsIgnoredNotKept()
    {
        var selection = Select(Issue(3, login: "mallory", type: "User"), Issue(5));
        Assert.That(selection.Kept?.Number, Is.EqualTo(5));
        Assert.That(selection.Ignored, Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void From_PersonalTokenLogin_CountsItsOwnIssues()
    {
        var view = new GitHubView(true, [Issue(3, login: "ops-bot", type: "User")], "ops-bot", null);
        Assert.That(IncidentSelection.From(view, null, Now).Kept?.Number, Is.EqualTo(3));
    }

    [Test]
    public void From_GitHubNotAsked_TheStateFilesIncidentStandsIn()
    {
        var selection = IncidentSelection.From(GitHubView.Unavailable("401"), new WatchdogState { IncidentNumber = 7 }, Now);
        Assert.Multiple(() =>
        {
            Assert.That(selection.Kept, Is.Null);
            Assert.That(selection.OpenNumber, Is.EqualTo(7));
            Assert.That(selection.Duplicates, Is.Empty);
        });
    }

    [Test]
    public void From_ImplausibleMarker_IsIgnoredAndSaysSo()
    {
        var forged = IncidentMarker.Write(new WatchdogState { FailureStreak = -5, UpdatedAt = Now });
        var selection = Select(Issue(4, body: "text\n" + forged));
        Assert.Multiple(() =>
        {
            Assert.That(selection.MarkerState, Is.Null);
            Assert.That(selection.MarkerIgnored, Is.True);
        });
    }
}
