using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class UrlInputTests
{
    [Test]
    public void Accepts_AnyUrl_SaysWhetherCredentialsAreRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new UrlInput("target", "Target.").Accepts, Is.EqualTo("an absolute http(s) URL"));
            Assert.That(new UrlInput("canary-url", "Canary.") { RefuseCredentials = true }.Accepts, Is.EqualTo("an absolute http(s) URL without credentials"));
        });
    }

    [Test]
    public void DefaultText_ComputedDefault_IsShownButOnlyTheLiteralGoesToActionYml()
    {
        var computed = new UrlInput("base-url", "Base.") { ComputedDefault = "the baseUrl of .ephemeral-env.json" };
        var literal = new UrlInput("registry", "Registry.") { Default = "https://registry.example.com" };
        Assert.Multiple(() =>
        {
            Assert.That(computed.DefaultText, Is.EqualTo("the baseUrl of .ephemeral-env.json"));
            Assert.That(computed.ActionYmlDefault, Is.Null);
            Assert.That(literal.DefaultText, Is.EqualTo("https://registry.example.com"));
            Assert.That(literal.ActionYmlDefault, Is.EqualTo("https://registry.example.com"));
        });
    }

    [Test]
    public void ActionYmlDefault_WithAnEnvironmentFallback_IsNullSoTheVariableIsNotHidden()
    {
        var canary = new UrlInput("canary-url", "Canary.") { Env = "CANARY_URL", Default = "https://canary.example.com" };
        Assert.Multiple(() =>
        {
            Assert.That(canary.DefaultText, Is.EqualTo("https://canary.example.com"));
            Assert.That(canary.ActionYmlDefault, Is.Null);
        });
    }
}
