using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class PathInputTests
{
    [TestCase(false, false, "a file path inside the workspace")]
    [TestCase(true, false, "a folder path inside the workspace")]
    [TestCase(false, true, "a file path inside the workspace that exists")]
    [TestCase(true, true, "a folder path inside the workspace that exists")]
    public void Accepts_AnyPath_SaysFileOrFolderAndWhetherItMustExist(bool folder, bool mustExist, string expected) =>
        Assert.That(new PathInput("path", "Path.") { Folder = folder, MustExist = mustExist }.Accepts, Is.EqualTo(expected));

    [Test]
    public void DefaultText_IsTheDefaultPath_AndGoesToActionYml()
    {
        var results = new PathInput("results-path", "Where to write.") { Default = "traffic-shadow-results.json" };
        Assert.Multiple(() =>
        {
            Assert.That(results.DefaultText, Is.EqualTo("traffic-shadow-results.json"));
            Assert.That(results.ActionYmlDefault, Is.EqualTo("traffic-shadow-results.json"));
            Assert.That(new PathInput("sample", "Sample.").DefaultText, Is.Null, "an optional path has no default");
        });
    }
}
