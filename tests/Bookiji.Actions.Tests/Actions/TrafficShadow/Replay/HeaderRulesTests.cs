using Bookiji.Actions.TrafficShadow.Replay;

namespace Bookiji.Actions.Tests.Actions.TrafficShadow.Replay;

[TestFixture]
public sealed class HeaderRulesTests
{
    private static readonly IReadOnlySet<string> NoneAllowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    [TestCase("Accept")]
    [TestCase("X-Request-Id")]
    [TestCase("!#$%&'*+-.^_`|~")]
    public void IsValidName_HttpToken_IsValid(string name) => Assert.That(HeaderRules.IsValidName(name), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Bad Name")]
    [TestCase("X-A:B")]
    [TestCase("X-Evil\r\nInjected")]
    [TestCase("Ümlaut")]
    public void IsValidName_NotAToken_IsInvalid(string? name) => Assert.That(HeaderRules.IsValidName(name), Is.False);

    [TestCase("")]
    [TestCase("text/html; q=0.9")]
    [TestCase("a\tb")]
    public void IsValidValue_OneLineValue_IsValid(string value) => Assert.That(HeaderRules.IsValidValue(value), Is.True);

    [TestCase(null)]
    [TestCase("a\r\nX-Injected: 1")]
    [TestCase("a\0b")]
    [TestCase("a\u007fb")]
    [TestCase("a\u2028b")]
    [TestCase("a\u2029b")]
    [TestCase("café")]
    [TestCase("a\u0085b")]
    public void IsValidValue_LineBreakControlOrNonAsciiCharacter_IsInvalid(string? value) => Assert.That(HeaderRules.IsValidValue(value), Is.False);

    [TestCase("Authorization")]
    [TestCase("Cookie")]
    [TestCase("X-CSRF-Token")]
    [TestCase("x-api-key")]
    [TestCase("X-Client-SECRET")]
    public void IsCredential_NameContainsACredentialPattern_IsCredential(string name) => Assert.That(HeaderRules.IsCredential(name, NoneAllowed), Is.True);

    [TestCase("Accept")]
    [TestCase("X-Request-Id")]
    [TestCase("User-Agent")]
    public void IsCredential_OrdinaryName_IsNotCredential(string name) => Assert.That(HeaderRules.IsCredential(name, NoneAllowed), Is.False);

    [Test]
    public void IsCredential_NameOnTheAllowList_IsNotCredential()
    {
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "X-Tenant-Token" };
        Assert.Multiple(() =>
        {
            Assert.That(HeaderRules.IsCredential("x-tenant-token", allowed), Is.False);
            Assert.That(HeaderRules.IsCredential("Authorization", allowed), Is.True);
        });
    }
}
