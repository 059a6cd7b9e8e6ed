using Bookiji.Actions.PredictTests.Llm;
using Bookiji.Actions.PredictTests.Planning;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Llm;

[TestFixture]
public sealed class LlmRefinerTests
{
    private static readonly HashSet<string> Tests = ["tests/a.spec.ts", "tests/b.spec.ts"];

    [Test]
    public void Parse_AdviceNamingAMadeUpTest_KeepsOnlyExistingTests()
    {
        var (advice, problem) = LlmRefiner.Parse("""{"addTests":["tests/b.spec.ts","tests/made-up.spec.ts"],"risk":"high","reason":"touches checkout"}""", Tests);
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(advice!.AddTests, Is.EqualTo(new[] { "tests/b.spec.ts" }));
            Assert.That(advice.Ignored, Is.EqualTo(new[] { "tests/made-up.spec.ts" }));
            Assert.That(advice.Risk, Is.EqualTo(Risk.High));
        });
    }

    [TestCase("not json", "not JSON")]
    [TestCase("{\"risk\":\"high\"}", "schema")]
    [TestCase("{\"addTests\":[],\"risk\":\"extreme\",\"reason\":\"\"}", "not low, medium or high")]
    public void Parse_Garbage_IsAProblemNotAPlan(string content, string expected) =>
        Assert.That(LlmRefiner.Parse(content, Tests).Problem, Does.Contain(expected));
}
