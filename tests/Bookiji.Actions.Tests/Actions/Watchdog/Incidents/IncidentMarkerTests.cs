using Bookiji.Actions.Watchdog.Incidents;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Tests.Actions.Watchdog.Incidents;

[TestFixture]
public sealed class IncidentMarkerTests
{
    [Test]
    public void Read_DamagedOrHostileMarker_IsAbsent_AndReplaceKeepsHumanEdits()
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
}
