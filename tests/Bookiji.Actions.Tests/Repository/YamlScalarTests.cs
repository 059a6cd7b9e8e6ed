using Bookiji.Actions.Generator;
using YamlDotNet.RepresentationModel;

namespace Bookiji.Actions.Tests.Repository;

/// <summary>Generated action.yml scalars read back as exactly the declared text, and never as numbers or booleans.</summary>
[TestFixture]
public sealed class YamlScalarTests
{
    [TestCase("plain text")]
    [TestCase("a: b")]
    [TestCase("ends with colon:")]
    [TestCase("x #not a comment")]
    [TestCase("it's")]
    [TestCase("\"quoted\"")]
    [TestCase("${{ github.token }}")]
    [TestCase("**/*.{spec,test}.ts")]
    [TestCase("trailing space ")]
    [TestCase("line\nbreak")]
    [TestCase("tab\there")]
    [TestCase("next\u2028line")]
    [TestCase("— em dash and § sign")]
    public void Scalar_AwkwardString_ReadsBackAsTheSameString(string value)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader("k: " + Yaml.Scalar(value) + "\n"));
        var read = ((YamlScalarNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("k")]).Value;
        Assert.That(read, Is.EqualTo(value));
    }

    [TestCase("0x1F")]
    [TestCase("0o17")]
    [TestCase(".Inf")]
    [TestCase(".NaN")]
    [TestCase("true")]
    [TestCase("Yes")]
    [TestCase("4")]
    [TestCase("1.5")]
    public void Scalar_NumberOrBooleanLookalikes_AreQuoted(string value) =>
        Assert.That(Yaml.Scalar(value), Does.StartWith("'").Or.StartWith("\""), "the runner would read a plain one as a number or boolean");
}
