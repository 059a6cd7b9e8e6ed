using Bookiji.Actions.Core.Markdown;
using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Tests.Core.Markdown;

[Category("Integration")]
[TestFixture]
public sealed class ProjectLinksTests
{
    [Test]
    public void Doc_Name_IsAnAbsoluteLinkAtTheDocsRef() =>
        Assert.That(ProjectLinks.Doc("SLO_DASHBOARD.md"), Is.EqualTo("https://github.com/bookiji/bookiji-actions/blob/v1/docs/SLO_DASHBOARD.md"));

    [TestCase("SLO_DASHBOARD.md")]
    [TestCase("IMMUTABLE_DEPLOYS.md")]
    public void Doc_LinkedFile_ExistsInThisRepository(string file) =>
        Assert.That(File.Exists(Path.Combine(RepositoryLayout.Root, "docs", file)), Is.True);

    [Test]
    public void RelativeDocLinks_RelativeReference_IsFoundAndOursIsNot() =>
        Assert.That(RelativeDocLinks.Find($"see docs/IMMUTABLE_DEPLOYS.md or {ProjectLinks.Doc("SLO_DASHBOARD.md")}"), Is.EqualTo(new[] { "docs/IMMUTABLE_DEPLOYS.md" }));
}
