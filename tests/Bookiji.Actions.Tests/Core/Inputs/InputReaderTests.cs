using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Tests.Core.Inputs;

/// <summary>The reader takes names, fallbacks, defaults and ranges from the declarations only.</summary>
[TestFixture]
public sealed class InputReaderTests
{
    private enum Mode
    {
        Create,
        Destroy,
        Sweep,
    }

    private static readonly TextInput CanaryUrl = new("canary-url", "The canary.") { Env = "CANARY_URL", Default = "https://default" };
    private static readonly IntegerInput Shards = new("shards", "Shards.", 2, 1, 4);
    private static readonly FlagInput Disabled = new("disabled", "Off.", false) { Env = "CI_PREDICTIVE_OFF" };
    private static readonly ChoiceInput<Mode> ModeInput = new("mode", "Mode.", Mode.Create, ("create", Mode.Create), ("destroy", Mode.Destroy), ("sweep", Mode.Sweep));
    private static readonly DurationInput Ttl = new("ttl", "TTL.", TimeSpan.FromDays(7), TimeSpan.FromMinutes(1), TimeSpan.FromDays(365));
    private static readonly UrlInput Target = new("target", "Target.");
    private static readonly TextInput Token = new("token", "Token.") { Required = true, Secret = true };
    private static readonly ListInput Globs = new("globs", "Globs.") { Defaults = ["**/*.spec.ts"] };

    private static (InputReader Reader, StringWriter Log) Reader(Dictionary<string, string> env)
    {
        var log = new StringWriter { NewLine = "\n" };
        return (new InputReader(new ActionCore(new ActionEnvironment(env), log, Guid.NewGuid)), log);
    }

    [Test]
    public void Read_InputEnvAndDefault_InputBeatsEnvBeatsDeclaredDefault()
    {
        var (both, _) = Reader(new() { ["INPUT_CANARY-URL"] = "https://input", ["CANARY_URL"] = "https://env" });
        var (envOnly, _) = Reader(new() { ["INPUT_CANARY-URL"] = "  ", ["CANARY_URL"] = "https://env" });
        var (none, _) = Reader(new());
        Assert.Multiple(() =>
        {
            Assert.That(both.Read(CanaryUrl), Is.EqualTo("https://input"));
            Assert.That(envOnly.Read(CanaryUrl), Is.EqualTo("https://env"));
            Assert.That(none.Read(CanaryUrl), Is.EqualTo("https://default"));
            Assert.That(none.Read(Shards), Is.EqualTo(2));
            Assert.That(none.Read(ModeInput), Is.EqualTo(Mode.Create));
            Assert.That(none.Read(Ttl), Is.EqualTo(TimeSpan.FromDays(7)));
            Assert.That(none.Read(Globs), Is.EqualTo(new[] { "**/*.spec.ts" }));
        });
    }

    [Test]
    public void ThrowIfInvalid_SeveralBadInputs_ReportsEveryErrorNamingEachInput()
    {
        var (reader, _) = Reader(new()
        {
            ["INPUT_SHARDS"] = "nine",
            ["INPUT_DISABLED"] = "yes",
            ["INPUT_MODE"] = "explode",
            ["INPUT_TTL"] = "forever",
            ["INPUT_TARGET"] = "ftp://x",
        });
        reader.Read(Shards);
        reader.Read(Disabled);
        reader.Read(ModeInput);
        reader.Read(Ttl);
        reader.Read(Target);
        reader.Read(Token);
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
    public void Read_FlagFromEnvFallback_UsesStrictSpellings()
    {
        var (reader, _) = Reader(new() { ["CI_PREDICTIVE_OFF"] = "true" });
        Assert.That(reader.Read(Disabled), Is.True);
    }

    [Test]
    public void Read_Secret_IsMaskedBeforeAnythingElsePrints()
    {
        var (reader, log) = Reader(new() { ["INPUT_TOKEN"] = "ghp_example" });
        Assert.That(reader.Read(Token), Is.EqualTo("ghp_example"));
        Assert.That(log.ToString(), Is.EqualTo("::add-mask::ghp_example\n"));
    }

    [Test]
    public void Read_Url_MasksCredentialsInside_AndKeepsTheUsersText()
    {
        var (reader, log) = Reader(new() { ["INPUT_TARGET"] = " https://user:pa55@Example.com/x " });
        var url = reader.Read(Target)!;
        Assert.Multiple(() =>
        {
            Assert.That(url.Uri.Host, Is.EqualTo("example.com"));
            Assert.That(url.Text, Is.EqualTo("https://user:pa55@Example.com/x"));
            Assert.That(url.Redacted, Is.EqualTo("https://Example.com/x"));
            Assert.That(log.ToString(), Does.StartWith("::add-mask::user:pa55\n").And.Contain("::add-mask::pa55\n"));
        });
    }

    [Test]
    public void Read_InvalidUrlWithCredentials_IsReportedWithoutThem()
    {
        var (reader, log) = Reader(new() { ["INPUT_TARGET"] = "https://admin:hun#ter/2@example.com" });
        reader.Read(Target);
        Assert.Multiple(() =>
        {
            Assert.That(reader.Errors.Single().Message, Does.Not.Contain("hun#ter").And.Contain("https://***@example.com"));
            Assert.That(log.ToString(), Does.Not.Contain("hunter2"));
        });
    }

    [TestCase("https://pr-.bookiji.com", "'pr-'")]
    [TestCase("https://-1.bookiji.com/x", "'-1'")]
    [TestCase("https://pr..bookiji.com", "an empty label")]
    [TestCase("https://.bookiji.com", "an empty label")]
    [TestCase("https://u:p@pr-.bookiji.com:8443/x", "'pr-'")]
    public void UserUrl_HostLabelEmptyOrHyphenEnded_IsRefusedWithTheReason(string text, string named)
    {
        Assert.Multiple(() =>
        {
            Assert.That(UserUrl.TryParse(text), Is.Null);
            Assert.That(UserUrl.HostLabelProblem(text), Does.Contain(named).And.Contain("expanded to nothing"));
        });
    }

    [TestCase("https://pr-12.bookiji.com")]
    [TestCase("https://www.bookiji.com./")]
    [TestCase("http://127.0.0.1:8080/x")]
    [TestCase("http://[::1]:8080/x")]
    [TestCase("https://a--b.example.com")]
    [TestCase("http://localhost")]
    public void UserUrl_SoundHost_IsAccepted(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(UserUrl.TryParse(text)?.Text, Is.EqualTo(text));
            Assert.That(UserUrl.HostLabelProblem(text), Is.Null);
        });
    }

    [Test]
    public void Read_UrlJoin_KeepsTheBasePath()
    {
        var url = UserUrl.TryParse("https://host.example/app")!;
        Assert.That(url.Join("/api/health?x=1").ToString(), Is.EqualTo("https://host.example/app/api/health?x=1"));
    }

    [TestCase("250ms", 250)]
    [TestCase("30s", 30_000)]
    [TestCase("15m", 900_000)]
    [TestCase("6h", 21_600_000)]
    [TestCase("7d", 604_800_000)]
    [TestCase("45", 45_000)]
    [TestCase("1.5s", 1_500)]
    public void TryParseDuration_NumberWithAUnitOrBareSeconds_IsAccepted(string text, double ms)
    {
        Assert.That(InputReader.TryParseDuration(text, out var value), Is.True);
        Assert.That(value.TotalMilliseconds, Is.EqualTo(ms));
    }

    [TestCase("")]
    [TestCase("7 days")]
    [TestCase("-1s")]
    [TestCase("1y")]
    public void TryParseDuration_EmptySpacedNegativeOrUnknownUnit_IsRejected(string text) => Assert.That(InputReader.TryParseDuration(text, out _), Is.False);

    [Test]
    public void Read_List_SplitsAndDropsBlank()
    {
        var (reader, _) = Reader(new() { ["INPUT_GLOBS"] = "a/**\n\n  b/*.ts  \n" });
        Assert.That(reader.Read(Globs), Is.EqualTo(new[] { "a/**", "b/*.ts" }));
    }
}
