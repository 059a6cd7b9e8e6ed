using Bookiji.Actions.PredictTests.Config;

namespace Bookiji.Actions.Tests.Actions.PredictTests.Config;

[TestFixture]
public sealed class TestMapTests
{
    [Test]
    public void Parse_BriefAndExtendedForms_AreBothRead()
    {
        var (map, problems) = TestMap.Parse("""
            { "auth": ["tests/e2e/auth.spec.ts"],
              "payments": { "paths": ["src/pay/**"], "tests": ["./tests/e2e/payment-errors.spec.ts"] }, // comments are fine
            }
            """, "map.json");
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(map!.Features.Select(f => f.Name), Is.EqualTo(new[] { "auth", "payments" }));
            Assert.That(map.Features[1].Tests, Is.EqualTo(new[] { "tests/e2e/payment-errors.spec.ts" }));
            Assert.That(map.Features[0].Explain("src/auth/login.ts"), Does.Contain("path segment 'auth'"));
            Assert.That(map.Features[0].Explain("src/author/x.ts"), Is.Null, "a segment must equal the feature, not contain it");
            Assert.That(map.Features[0].Explain("src/auth.ts"), Is.Not.Null);
            Assert.That(map.Features[1].Explain("src/pay/stripe.ts"), Does.Contain("paths src/pay/**"));
            Assert.That(map.Features[1].Explain("src/payments/x.ts"), Is.Null, "with paths, only the globs count");
        });
    }

    [Test]
    public void Parse_ByteOrderMark_IsAccepted()
    {
        var (map, problems) = TestMap.Parse("\uFEFF{\"auth\": [\"tests/a.spec.ts\"]}", "map.json");
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(map?.AllTests, Is.EqualTo(new[] { "tests/a.spec.ts" }));
        });
    }

    [TestCase("{oops", "invalid")]
    [TestCase("[1,2]", "must be a JSON object")]
    [TestCase("{\"auth\": \"tests/a.spec.ts\"}", "must be an array")]
    [TestCase("{\"auth\": [1]}", "as strings")]
    [TestCase("{\"auth\": {\"tests\": \"x\"}}", "string arrays")]
    public void Parse_Malformed_IsUnusableWithAMessage(string json, string expected)
    {
        var (map, problems) = TestMap.Parse(json, "map.json");
        Assert.Multiple(() =>
        {
            Assert.That(map, Is.Null);
            Assert.That(problems.Single(), Does.Contain(expected).And.Contain("running all tests"));
        });
    }
}
