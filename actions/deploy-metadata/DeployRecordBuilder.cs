using Bookiji.Actions.Core.Context;

namespace Bookiji.Actions.DeployMetadata;

/// <summary>The pure core: inputs, run context and the time → the record and what to do with the existing file.</summary>
public static class DeployRecordBuilder
{
    /// <summary>The brief's timestamp form: ISO-8601 UTC to the second, e.g. <c>2025-12-07T10:00:00Z</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        Bookiji.Actions.Core.Toolkit.IsoTimestamp.Format(time);

    /// <summary>The file name for a SHA: <c>deploy-{sha}.json</c>.</summary>
    public static string FileName(string sha) => $"deploy-{sha}.json";

    /// <summary>Builds the record for this run.</summary>
    public static DeployRecord Build(DeployRecordInputs inputs, string? previewUrl, GitHubContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(context);
        return new DeployRecord
        {
            Sha = inputs.Sha,
            PreviewUrl = previewUrl,
            ProductionUrl = inputs.ProductionUrl?.Text,
            CreatedAt = FormatTimestamp(now),
            Repository = context.Repository?.ToString(),
            Ref = NullIfEmpty(context.Ref),
            EventName = NullIfEmpty(context.EventName),
            PullRequest = context.PullRequestNumber,
            RunId = context.RunId == 0 ? null : context.RunId,
            RunAttempt = context.RunAttempt == 0 ? null : context.RunAttempt,
            RunUrl = context.RunUrl,
            Actor = NullIfEmpty(context.Actor),
        };
    }

    /// <summary>
    /// Deploy records are immutable: a re-run for the same deploy keeps the first record (and its
    /// <c>createdAt</c>); a different deploy under the same SHA is a conflict the caller must report. The file in the
    /// workspace and the GitHub deployment are both earlier records: either one conflicting is a conflict, and the
    /// GitHub one (durable across runs) is the record that stands when both agree.
    /// </summary>
    public static DeployDecision Decide(DeployRecord proposed, DeployRecord? file, DeployRecord? remote = null)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        if (remote is not null && !proposed.DescribesSameDeploy(remote))
        {
            return new DeployDecision(DeployDecisionKind.Conflict, remote, DeployRecordSource.GitHub);
        }

        if (file is not null && !proposed.DescribesSameDeploy(file))
        {
            return new DeployDecision(DeployDecisionKind.Conflict, file, DeployRecordSource.File);
        }

        return (remote ?? file) is { } existing
            ? new DeployDecision(DeployDecisionKind.KeepExisting, existing)
            : new DeployDecision(DeployDecisionKind.Create, proposed);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
