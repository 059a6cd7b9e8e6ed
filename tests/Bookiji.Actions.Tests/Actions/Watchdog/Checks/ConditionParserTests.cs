using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Watchdog.Checks;

namespace Bookiji.Actions.Tests.Actions.Watchdog.Checks;

[TestFixture]
public sealed class ConditionParserTests
{
    private static ProbeResponse Answer(int status, string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        return new ProbeResponse(status, null, 0, 0, new BoundedBody(bytes, bytes.Length, null));
    }

    [TestCase("[STATUS] == 200", 200, "{}", true)]
    [TestCase("[STATUS] == 200", 503, "{}", false)]
    [TestCase("[STATUS] < 400", 302, "{}", true)]
    [TestCase("[RESPONSE_TIME] < 800", 200, "{}", true)]
    [TestCase("[BODY].status == ok", 200, """{"status":"ok"}""", true)]
    [TestCase("[BODY].status == ok", 200, """{"status":"UP"}""", false)]
    [TestCase("[BODY].items[1].n >= 2", 200, """{"items":[{"n":1},{"n":2}]}""", true)]
    [TestCase("[BODY].items[5].n >= 2", 200, """{"items":[]}""", false)]
    [TestCase("[BODY] == pong", 200, "pong", true)]
    public void Parse_GatusCondition_EvaluatesAsDocumented(string text, int status, string body, bool passes)
    {
        var (condition, error) = ConditionParser.Parse(text);
        Assert.That(error, Is.Null);
        Assert.That(condition!.Evaluate(Answer(status, body), TimeSpan.FromMilliseconds(50)).Passed, Is.EqualTo(passes));
    }

    [TestCase("STATUS == 200")]
    [TestCase("[STATUS] = 200")]
    [TestCase("[STATUS].x == 200")]
    [TestCase("[RESPONSE_TIME] < fast")]
    public void Parse_MalformedCondition_IsRefusedNamingIt(string text) =>
        Assert.That(ConditionParser.Parse(text).Error, Is.Not.Null.And.Contains(text.Trim()));
}
