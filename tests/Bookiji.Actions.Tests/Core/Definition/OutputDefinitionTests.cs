using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Tests.Core.Definition;

[TestFixture]
public sealed class OutputDefinitionTests
{
    [Test]
    public void OutputDefinition_Declared_IsNotSecretAndIsNotADecision()
    {
        var output = new OutputDefinition("results-path", "Where the results are.");
        Assert.Multiple(() =>
        {
            Assert.That(output.Secret, Is.False, "a masked output cannot cross jobs");
            Assert.That(output.OnError, Is.Null);
        });
    }
}
