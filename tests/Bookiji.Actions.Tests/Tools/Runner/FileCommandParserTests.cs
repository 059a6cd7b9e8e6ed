using Bookiji.Actions.Runner;

namespace Bookiji.Actions.Tests.Tools.Runner;

[TestFixture]
public sealed class FileCommandParserTests
{
    [Test]
    public void Parse_HeredocAndSimpleLines_LaterWins()
    {
        var parsed = FileCommandParser.Parse("a=1\nb<<EOF\nline 1\nline 2\nEOF\na=2\nc=x=y\n");
        Assert.Multiple(() =>
        {
            Assert.That(parsed["a"], Is.EqualTo("2"));
            Assert.That(parsed["b"], Is.EqualTo("line 1\nline 2"));
            Assert.That(parsed["c"], Is.EqualTo("x=y"));
        });
    }

    [Test]
    public void Parse_EqualsBeforeHeredoc_IsSimple() => Assert.That(FileCommandParser.Parse("a=b<<c\n")["a"], Is.EqualTo("b<<c"));

    [Test]
    public void Parse_UnclosedHeredoc_Throws() =>
        Assert.Throws<FormatException>(() => FileCommandParser.Parse("a<<EOF\nvalue\n"));

    [Test]
    public void Parse_LineWithoutSeparator_Throws() => Assert.Throws<FormatException>(() => FileCommandParser.Parse("garbage\n"));

    [Test]
    public void Parse_EmptyValueHeredoc_IsAnEmptyValue()
    {
        Assert.That(FileCommandParser.Parse("a<<D\n\nD\n")["a"], Is.Empty);
    }
}
