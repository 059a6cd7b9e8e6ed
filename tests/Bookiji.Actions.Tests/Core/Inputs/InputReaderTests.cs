using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Inputs;

[TestFixture]
public sealed class InputReaderTests
{
    private static (InputReader Reader, StringWriter Log) Reader(Dictionary<string, string> env)
    {
        var log = new StringWriter { NewLine = "\n" };
        return (new InputReader(new ActionCore(new ActionEnvironment(env), log, Guid.NewGuid)), log);
    }

    [Test]
    public void String_InputBeatsEnvBeatsDefault()
    {
        var (both, _) = Reader(new() { ["INPUT_CANARY-URL"] = "https://input", ["CANARY_URL"] = "https://env" });
        var (envOnly, _) = Reader(new() { ["INPUT_CANARY-URL"] = "  ", ["CANARY_URL"] = "https://env" });
        var (none, _) = Reader(new());
        Assert.Multiple(() =>
        {
            Assert.That(both.String("canary-url", "CANARY_URL", "https://default"), Is.EqualTo("https://input"));
            Assert.That(envOnly.String("canary-url", "CANARY_URL", "https://default"), Is.EqualTo("https://env"));
            Assert.That(none.String("canary-url", "CANARY_URL", "https://default"), Is.EqualTo("https://default"));
        });
    }

    [Test]
    public void ThrowIfInvalid_ReportsEveryErrorNamingEachInput()
    {
        var (reader, _) = Reader(new()
        {
            ["INPUT_SHARDS"] = "nine",
            ["INPUT_DISABLED"] = "yes",
            ["INPUT_MODE"] = "explode",
            ["INPUT_TTL"] = "forever",
            ["INPUT_TARGET"] = "ftp://x",
        });
        reader.Integer("shards", 2, 1, 4);
        reader.Boolean("disabled", false, "CI_PREDICTIVE_OFF");
        reader.Choice("mode", "create", ["create", "destroy", "sweep"]);
        reader.Duration("ttl", TimeSpan.FromDays(7), TimeSpan.FromMinutes(1), TimeSpan.FromDays(365));
        reader.HttpUrl("target");
        reader.String("token", required: true);
        var ex = Assert.Throws<InputException>(reader.ThrowIfInvalid);
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Errors.Select(e => e.Input), Is.EqualTo(new[] { "shards", "disabled", "mode", "ttl", "target", "token" }));
            Assert.That(ex.Errors[0].Message, Does.Contain("whole number from 1 to 4").And.Contain("'nine'"));
            Assert.That(ex.Errors[1].Message, Does.Contain("(or CI_PREDICTIVE_OFF)").And.Contain("true | True | TRUE"));
            Assert.That(ex.Errors[2].Message, Does.Contain("create | destroy | sweep"));
            Assert.That(ex.Errors[5].Message, Does.StartWith("Input required and not supplied: token"));
        });
    }

    [Test]
    public void Boolean_FromEnvFallback_UsesStrictSpellings()
    {
        var (reader, _) = Reader(new() { ["CI_PREDICTIVE_OFF"] = "true" });
        Assert.That(reader.Boolean("disabled", false, "CI_PREDICTIVE_OFF"), Is.True);
    }

    [Test]
    public void Secret_IsMaskedBeforeAnythingElsePrints()
    {
        var (reader, log) = Reader(new() { ["INPUT_TOKEN"] = "ghp_example" });
        Assert.That(reader.Secret("token"), Is.EqualTo("ghp_example"));
        Assert.That(log.ToString(), Is.EqualTo("::add-mask::ghp_example\n"));
    }

    [Test]
    public void HttpUrl_MasksCredentialsInside()
    {
        var (reader, log) = Reader(new() { ["INPUT_URL"] = "https://user:pa55@example.com/x" });
        Assert.That(reader.HttpUrl("url")!.Host, Is.EqualTo("example.com"));
        Assert.That(log.ToString(), Is.EqualTo("::add-mask::user:pa55\n"));
    }

    [TestCase("250ms", 250)]
    [TestCase("30s", 30_000)]
    [TestCase("15m", 900_000)]
    [TestCase("6h", 21_600_000)]
    [TestCase("7d", 604_800_000)]
    [TestCase("45", 45_000)]
    [TestCase("1.5s", 1_500)]
    public void TryParseDuration_Accepts(string text, double ms)
    {
        Assert.That(InputReader.TryParseDuration(text, out var value), Is.True);
        Assert.That(value.TotalMilliseconds, Is.EqualTo(ms));
    }

    [TestCase("")]
    [TestCase("7 days")]
    [TestCase("-1s")]
    [TestCase("1y")]
    public void TryParseDuration_Rejects(string text) => Assert.That(InputReader.TryParseDuration(text, out _), Is.False);

    [Test]
    public void Lines_SplitsAndDropsBlank()
    {
        var (reader, _) = Reader(new() { ["INPUT_GLOBS"] = "a/**\n\n  b/*.ts  \n" });
        Assert.That(reader.Lines("globs"), Is.EqualTo(new[] { "a/**", "b/*.ts" }));
    }
}
