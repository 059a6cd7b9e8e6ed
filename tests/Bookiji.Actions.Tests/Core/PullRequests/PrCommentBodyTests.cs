using Bookiji.Actions.Core.PullRequests;

namespace Bookiji.Actions.Tests.Core.PullRequests;

[TestFixture]
public sealed class PrCommentBodyTests
{
    [Test]
    public void WithSection_KeepsOtherSections_AndOrdersThemAsTheStoryReads()
    {
        var body = PrCommentBody.WithSection(null, "traffic-shadow", "verdict: promote");
        body = PrCommentBody.WithSection(body, "predict-tests", "risk: medium");
        body = PrCommentBody.WithSection(body, "traffic-shadow", "verdict: hold");
        var sections = PrCommentBody.Sections(body);
        Assert.Multiple(() =>
        {
            Assert.That(PrCommentBody.IsSticky(body), Is.True);
            Assert.That(sections.Keys, Is.EqualTo(new[] { "predict-tests", "traffic-shadow" }));
            Assert.That(sections["traffic-shadow"], Is.EqualTo("verdict: hold"), "a section is replaced, never duplicated");
            Assert.That(PrCommentBody.Holds(body, "predict-tests", "risk: medium"), Is.True);
            Assert.That(body.IndexOf("risk: medium", StringComparison.Ordinal), Is.LessThan(body.IndexOf("verdict: hold", StringComparison.Ordinal)));
        });
    }

    [Test]
    public void Sections_OfAnotherComment_AreEmpty() =>
        Assert.That(PrCommentBody.Sections("LGTM <!-- section:x -->y<!-- /section:x -->"), Is.Empty);

    [Test]
    public void WithSection_AHugeSection_IsCutUnderGitHubsLimit()
    {
        var body = PrCommentBody.WithSection(null, "predict-tests", new string('x', 100_000));
        Assert.Multiple(() =>
        {
            Assert.That(body.Length, Is.LessThan(65_536));
            Assert.That(body, Does.Contain("(cut: the full report is in the step summary)"));
            Assert.That(PrCommentBody.Holds(body, "predict-tests", new string('x', 100_000)), Is.True, "the cut version is what the writer checks for");
        });
    }
}
