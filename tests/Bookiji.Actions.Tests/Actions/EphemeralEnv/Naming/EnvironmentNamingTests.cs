using System.Text;
using Bookiji.Actions.EphemeralEnv.Naming;

namespace Bookiji.Actions.Tests.Actions.EphemeralEnv.Naming;

[TestFixture]
public sealed class EnvironmentNamingTests
{
    [Test]
    public void Build_PullRequest_GivesTheBriefsNames()
    {
        var names = EnvironmentNaming.Build("pr_123", "bookiji_", "bookiji:");
        var (url, error) = EnvironmentNaming.ExpandBaseUrl("https://pr-{number}.bookiji.com", "pr_123", 123, "feature/booking");
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(names.SchemaName, Is.EqualTo("bookiji_pr_123"));
            Assert.That(names.RoleName, Is.EqualTo("bookiji_pr_123_owner"));
            Assert.That(url, Is.EqualTo("https://pr-123.bookiji.com"), "as the brief's records show it: no trailing slash added");
            Assert.That(names.RedisNamespace, Is.EqualTo("bookiji:pr_123"));
        });
    }

    [TestCase("pr_124", 124)]
    [TestCase("pr_0", null)]
    [TestCase("pr_12a", null)]
    [TestCase("staging_1", null)]
    [TestCase("pr_", null)]
    [TestCase("pr_9999999999", null)]
    public void PullRequestOf_AnyAppEnv_ReadsOnlyPrN(string appEnv, int? expected) =>
        Assert.That(EnvironmentNaming.PullRequestOf(appEnv), Is.EqualTo(expected));

    [TestCase("pr_1; DROP SCHEMA public")]
    [TestCase("pr_1\"")]
    [TestCase("pr_1'")]
    [TestCase("PR_1")]
    [TestCase("pr-1")]
    [TestCase("prüfung")]
    [TestCase("")]
    public void ValidateAppEnv_AnythingButLowercaseDigitsUnderscore_IsRejected(string appEnv) =>
        Assert.That(EnvironmentNaming.ValidateAppEnv(appEnv), Does.Contain("lowercase letters, digits and '_'"));

    [Test]
    public void LongNames_AreCutTo63BytesWithAHash_AndStayDistinct()
    {
        var a = new string('a', 80) + "_1";
        var b = new string('a', 80) + "_2";
        var na = EnvironmentNaming.Build(a, "bookiji_", null);
        var nb = EnvironmentNaming.Build(b, "bookiji_", null);
        var ua = new Uri(EnvironmentNaming.ExpandBaseUrl("https://{app-env}.preview.bookiji.com/x", a, null, null).Url!);
        var ub = new Uri(EnvironmentNaming.ExpandBaseUrl("https://{app-env}.preview.bookiji.com/x", b, null, null).Url!);
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetByteCount(na.SchemaName), Is.LessThanOrEqualTo(63));
            Assert.That(Encoding.UTF8.GetByteCount(na.RoleName), Is.LessThanOrEqualTo(63));
            Assert.That(na.SchemaName, Is.Not.EqualTo(nb.SchemaName));
            Assert.That(ua.Host.Split('.')[0], Has.Length.EqualTo(63));
            Assert.That(ua.Host, Is.Not.EqualTo(ub.Host));
            Assert.That(ua.Host, Does.EndWith(".preview.bookiji.com"));
            Assert.That(ua.OriginalString, Does.EndWith(".preview.bookiji.com/x"), "the rest of the URL is kept as written");
        });
    }

    [Test]
    public void BaseUrl_BranchPlaceholder_IsSlugged() =>
        Assert.That(EnvironmentNaming.ExpandBaseUrl("https://{branch}.preview.example.com", "pr_1", 1, "Feature/Booking__Flow!").Url, Is.EqualTo("https://feature-booking-flow.preview.example.com"));

    [Test]
    public void BaseUrl_NumberWithoutPullRequest_IsAnError() =>
        Assert.That(EnvironmentNaming.ExpandBaseUrl("https://pr-{number}.x.com", "staging_1", null, null).Error, Does.Contain("no pull request number"));

    [TestCase("https://pr-.bookiji.com")]
    [TestCase("https://pr-{branch}.bookiji.com")]
    public void BaseUrl_HostLabelLeftEndingInAHyphen_IsAnErrorSayingWhy(string template) =>
        Assert.That(EnvironmentNaming.ExpandBaseUrl(template, "pr_1", 1, "!!!").Error, Does.Contain("'pr-'").And.Contain("expanded to nothing"));

    [TestCase("pr-{number}.bookiji.com")]
    [TestCase("ftp://pr-{number}.bookiji.com")]
    [TestCase("https://pr-{numbr}.bookiji.com")]
    public void BaseUrl_BadTemplates_AreErrors(string template) =>
        Assert.That(EnvironmentNaming.ExpandBaseUrl(template, "pr_1", 1, null).Error, Does.Contain("absolute http(s) URL"));

    [Test]
    public void LockKey_IsStableAcrossRuns_AndDistinctPerSchema()
    {
        // A fixed value: the key must not change between releases, or overlapping old and new runs would not serialize.
        Assert.That(StableHash.LockKey("bookiji_pr_123"), Is.EqualTo(8705702111411896841L));
        Assert.That(StableHash.LockKey("bookiji_pr_123"), Is.Not.EqualTo(StableHash.LockKey("bookiji_pr_124")));
        Assert.That(StableHash.Hex("bookiji_pr_123"), Is.EqualTo("92d127"));
    }

    [Test]
    public void Quoting_QuotesInIdentifierOrLiteral_AreDoubled()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EnvironmentNaming.QuoteIdentifier("a\"b"), Is.EqualTo("\"a\"\"b\""));
            Assert.That(EnvironmentNaming.QuoteLiteral("it's"), Is.EqualTo("'it''s'"));
        });
    }
}
