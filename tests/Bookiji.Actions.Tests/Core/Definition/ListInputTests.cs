using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class ListInputTests
{
    [Test]
    public void DefaultText_ListWithDefaults_ListsThemButActionYmlHasNoDefault()
    {
        var methods = new ListInput("baseline-methods", "Methods.") { Defaults = ["GET", "HEAD", "OPTIONS"] };
        Assert.Multiple(() =>
        {
            Assert.That(methods.DefaultText, Is.EqualTo("GET, HEAD, OPTIONS"));
            Assert.That(methods.ActionYmlDefault, Is.Null, "a multi-line default in action.yml would hide the reader's own defaults");
            Assert.That(new ListInput("globs", "Globs.").DefaultText, Is.Null, "no defaults, nothing to show");
        });
    }

    [Test]
    public void DefaultText_Summary_WinsOverTheDefaults()
    {
        var fields = new ListInput("ignore-fields", "Fields.") { Defaults = ["id", "uuid", "createdAt"], DefaultSummary = "ids and timestamps" };
        Assert.That(fields.DefaultText, Is.EqualTo("ids and timestamps"));
    }

    [Test]
    public void Accepts_AnyList_IsTheLineFormat()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ListInput("globs", "Globs.").Accepts, Is.EqualTo("one entry per line"));
            Assert.That(new ListInput("methods", "Methods.") { Format = "comma-separated HTTP methods" }.Accepts, Is.EqualTo("comma-separated HTTP methods"));
        });
    }
}
