using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class ActionDefinitionTests
{
    private static ActionDefinition Sound() => new()
    {
        Name = "demo-action",
        Description = "Does one thing well.",
        BriefSection = "§1",
        Inputs = [new TextInput("target", "Where to point."), new FlagInput("dry-run", "Only report.", false)],
        Outputs = [new OutputDefinition("verdict", "The decision.")],
    };

    [Test]
    public void Validate_SoundDeclaration_HasNoProblems() => Assert.That(Sound().Validate(), Is.Empty);

    [Test]
    public void Validate_DescriptionAtTheMarketplaceLimit_IsAcceptedAndOneOverIsNot()
    {
        var atLimit = Sound() with { Description = new string('x', ActionDefinition.MaxDescriptionLength) };
        var over = Sound() with { Description = new string('x', ActionDefinition.MaxDescriptionLength + 1) };
        Assert.Multiple(() =>
        {
            Assert.That(atLimit.Validate(), Is.Empty);
            Assert.That(over.Validate().Single(), Is.EqualTo("demo-action: the description has 126 characters; the Marketplace accepts at most 125."));
        });
    }

    [Test]
    public void Validate_InputDeclaredTwiceInAnyCase_IsAProblem()
    {
        var definition = Sound() with { Inputs = [new TextInput("target", "A."), new TextInput("Target", "B.")] };
        Assert.That(definition.Validate().Single(), Is.EqualTo("demo-action: input 'target' is declared 2 times."));
    }

    [Test]
    public void Validate_OwnInputNamedLikeACommonInput_IsADuplicate()
    {
        var definition = Sound() with { Inputs = [new FlagInput("fail-on-error", "Mine.", true)] };
        Assert.That(definition.Validate(), Has.One.EqualTo("demo-action: input 'fail-on-error' is declared 2 times."));
    }

    [Test]
    public void Validate_OutputDeclaredTwice_IsAProblem()
    {
        var definition = Sound() with { Outputs = [new OutputDefinition("verdict", "A."), new OutputDefinition("VERDICT", "B.")] };
        Assert.That(definition.Validate().Single(), Is.EqualTo("demo-action: output 'verdict' is declared 2 times."));
    }

    [Test]
    public void Validate_InputsOrOutputsWithoutDescription_AreEachNamed()
    {
        var definition = Sound() with
        {
            Inputs = [new TextInput("blank", "  "), new TextInput("missing", null!)],
            Outputs = [new OutputDefinition("quiet", "")],
        };
        Assert.That(definition.Validate(), Is.EquivalentTo(new[]
        {
            "demo-action: input 'blank' has no description.",
            "demo-action: input 'missing' has no description.",
            "demo-action: output 'quiet' has no description.",
        }));
    }

    [Test]
    public void AllInputs_AnyDefinition_AreTheOwnInputsInOrderFollowedByFailOnError()
    {
        var all = Sound().AllInputs;
        Assert.Multiple(() =>
        {
            Assert.That(all.Select(i => i.Name), Is.EqualTo(new[] { "target", "dry-run", "fail-on-error" }));
            Assert.That(all[^1], Is.SameAs(CommonInputs.FailOnError));
            Assert.That(Sound().Inputs, Has.Count.EqualTo(2), "Inputs itself does not carry the common input");
        });
    }
}
