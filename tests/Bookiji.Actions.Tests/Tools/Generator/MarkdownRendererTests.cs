using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Generator;

namespace Bookiji.Actions.Tests.Tools.Generator;

[TestFixture]
public sealed class MarkdownRendererTests
{
    private static readonly ActionDefinition Shop = new()
    {
        Name = "shop",
        Description = "d",
        BriefSection = "§0",
        Inputs = [new IntegerInput("retries", "Retries.", 2, 0, 10), new TextInput("target", "Target.")],
        Outputs = [],
    };

    [Test]
    public void InlineDefaults_StaleProse_IsRewrittenToTheDeclaredDefault()
    {
        var (document, problems) = MarkdownRenderer.InlineDefaults("retried `retries` times (default <!-- default:retries -->`5`<!-- /default -->)", Shop, [Shop]);
        Assert.That(problems, Is.Empty);
        Assert.That(document, Is.EqualTo("retried `retries` times (default <!-- default:retries -->`2`<!-- /default -->)"));
    }

    [Test]
    public void InlineDefaults_QualifiedName_ReadsAnotherActionsDeclaration()
    {
        var (document, _) = MarkdownRenderer.InlineDefaults("<!-- default:shop/retries --><!-- /default -->", null, [Shop]);
        Assert.That(document, Is.EqualTo("<!-- default:shop/retries -->`2`<!-- /default -->"));
    }

    [TestCase("<!-- default:retry --><!-- /default -->", "no declared input")]
    [TestCase("<!-- default:target --><!-- /default -->", "an input without a default")]
    [TestCase("<!-- default:other/retries --><!-- /default -->", "no declared input")]
    public void InlineDefaults_MarkerWithoutADeclaredDefault_IsAProblemNamingIt(string text, string why)
    {
        var (document, problems) = MarkdownRenderer.InlineDefaults(text, Shop, [Shop]);
        Assert.That(problems.Single(), Does.Contain(why));
        Assert.That(document, Is.EqualTo(text), "left as written");
    }
}
