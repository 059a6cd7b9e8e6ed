using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class ChoiceInputTests
{
    public enum Engine
    {
        Client,
        Raw,
    }

    private static readonly ChoiceInput<Engine> EngineInput = new("engine", "How to send.", Engine.Raw, ("client", Engine.Client), ("raw", Engine.Raw));

    [Test]
    public void Constructor_DefaultNotAmongTheChoices_Throws() =>
        Assert.That(() => new ChoiceInput<Engine>("engine", "How.", Engine.Raw, ("client", Engine.Client)), Throws.ArgumentException.With.Message.Contains("'engine'"));

    [Test]
    public void DefaultText_AnyChoice_IsTheWordOfTheDefault() => Assert.That(EngineInput.DefaultText, Is.EqualTo("raw"));

    [Test]
    public void DefaultText_WithTwoWordsForTheDefault_IsTheFirstDocumented()
    {
        var input = new ChoiceInput<Engine>("engine", "How.", Engine.Client, ("http", Engine.Client), ("client", Engine.Client), ("raw", Engine.Raw));
        Assert.That(input.DefaultText, Is.EqualTo("http"));
    }

    [Test]
    public void Accepts_AnyChoice_ListsEveryWordInDocumentedOrder() => Assert.That(EngineInput.Accepts, Is.EqualTo("client | raw"));

    [TestCase("client", Engine.Client)]
    [TestCase("RAW", Engine.Raw)]
    [TestCase("Client", Engine.Client)]
    public void TryParse_AChoiceInAnyCase_GivesItsValue(string word, Engine expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(EngineInput.TryParse(word, out var value), Is.True);
            Assert.That(value, Is.EqualTo(expected));
        });
    }

    [TestCase("fast")]
    [TestCase("")]
    [TestCase(" raw")]
    public void TryParse_NotAChoice_IsFalseWithTheDefault(string word)
    {
        var clientDefault = new ChoiceInput<Engine>("engine", "How.", Engine.Client, ("client", Engine.Client), ("raw", Engine.Raw));
        Assert.Multiple(() =>
        {
            Assert.That(EngineInput.TryParse(word, out var value), Is.False);
            Assert.That(value, Is.EqualTo(Engine.Raw));
            Assert.That(clientDefault.TryParse(word, out var other), Is.False);
            Assert.That(other, Is.EqualTo(Engine.Client));
        });
    }
}
