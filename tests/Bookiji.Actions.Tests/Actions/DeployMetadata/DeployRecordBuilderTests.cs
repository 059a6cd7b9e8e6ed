using Bookiji.Actions.Core.Context;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.DeployMetadata;

namespace Bookiji.Actions.Tests.Actions.DeployMetadata;

[TestFixture]
public sealed class DeployRecordBuilderTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static DeployRecordInputs Inputs(string? production = "https://www.bookiji.com") => new()
    {
        Sha = Sha,
        ProductionUrl = production is null ? null : UserUrl.TryParse(production),
        EphemeralEnvFile = "/tmp/.ephemeral-env.json",
        OutputDirectory = "/tmp/out",
        Environment = "production",
    };

    [Test]
    public void Build_TimeWithMillisecondsAndOffset_UsesBriefFieldsAndSecondPrecisionUtc()
    {
        var context = GitHubContext.From(new ActionEnvironment(new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = "octo/app", ["GITHUB_RUN_ID"] = "7" }));
        var record = DeployRecordBuilder.Build(Inputs(), "https://pr-123.bookiji.com", context, new DateTimeOffset(2025, 12, 7, 11, 0, 0, 123, TimeSpan.FromHours(1)));
        Assert.Multiple(() =>
        {
            Assert.That(record.Sha, Is.EqualTo(Sha));
            Assert.That(record.PreviewUrl, Is.EqualTo("https://pr-123.bookiji.com"));
            Assert.That(record.CreatedAt, Is.EqualTo("2025-12-07T10:00:00Z"));
            Assert.That(record.RunUrl, Is.EqualTo("https://github.com/octo/app/actions/runs/7"));
            Assert.That(record.PullRequest, Is.Null);
        });
    }

    [Test]
    public void Decide_NoExisting_Creates()
    {
        var record = DeployRecordBuilder.Build(Inputs(), "https://pr-123.bookiji.com", GitHubContext.From(new ActionEnvironment([])), DateTimeOffset.UnixEpoch);
        Assert.That(DeployRecordBuilder.Decide(record, null).Kind, Is.EqualTo(DeployDecisionKind.Create));
    }

    [Test]
    public void Decide_SameDeploy_KeepsTheFirstRecord()
    {
        var context = GitHubContext.From(new ActionEnvironment([]));
        var first = DeployRecordBuilder.Build(Inputs(), "https://pr-123.bookiji.com", context, DateTimeOffset.UnixEpoch);
        var rerun = DeployRecordBuilder.Build(Inputs(), "https://pr-123.bookiji.com", context, DateTimeOffset.UnixEpoch.AddHours(1));
        var decision = DeployRecordBuilder.Decide(rerun, first);
        Assert.Multiple(() =>
        {
            Assert.That(decision.Kind, Is.EqualTo(DeployDecisionKind.KeepExisting));
            Assert.That(decision.Record.CreatedAt, Is.EqualTo(first.CreatedAt));
        });
    }

    [Test]
    public void Decide_DifferentUrlsForSameSha_IsAConflict()
    {
        var context = GitHubContext.From(new ActionEnvironment([]));
        var first = DeployRecordBuilder.Build(Inputs(), "https://pr-123.bookiji.com", context, DateTimeOffset.UnixEpoch);
        var other = DeployRecordBuilder.Build(Inputs(), "https://elsewhere.example", context, DateTimeOffset.UnixEpoch);
        Assert.That(DeployRecordBuilder.Decide(other, first).Kind, Is.EqualTo(DeployDecisionKind.Conflict));
    }

    [Test]
    public void FileName_OfASha_IsDeployDashSha() => Assert.That(DeployRecordBuilder.FileName(Sha), Is.EqualTo($"deploy-{Sha}.json"));
}
