using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class InputDefinitionTests
{
    [TestCase("")]
    [TestCase("   ")]
    public void Constructor_BlankName_Throws(string name) => Assert.That(() => new TextInput(name, "Described."), Throws.ArgumentException);

    [Test]
    public void Describe_WithEnvironmentFallback_NamesIt()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new TextInput("canary-url", "Canary.").Describe(), Is.EqualTo("Input 'canary-url'"));
            Assert.That(new TextInput("canary-url", "Canary.") { Env = "CANARY_URL" }.Describe(), Is.EqualTo("Input 'canary-url' (or CANARY_URL)"));
        });
    }

    [Test]
    public void ActionYmlDefault_RunnerDefault_WinsEvenWithAnEnvironmentFallback()
    {
        var token = CommonInputs.GitHubToken("For the API.");
        Assert.Multiple(() =>
        {
            Assert.That(token.Env, Is.EqualTo("GITHUB_TOKEN"));
            Assert.That(token.ActionYmlDefault, Is.EqualTo("${{ github.token }}"));
            Assert.That(token.Accepts, Is.EqualTo("a token (secret, masked)"));
        });
    }
}
