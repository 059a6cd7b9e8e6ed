using System.Text.Json;

namespace Bookiji.Actions.DeployMetadata.GitHub;

/// <summary>Pure reading of GitHub's deployment history: the records this action stored, and what a rollback returns to.</summary>
public static class DeploymentHistory
{
    /// <summary>The deploy record stored as a deployment's payload; null for deployments other tools made, or garbage.</summary>
    public static DeployRecord? RecordOf(GitHubDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        try
        {
            var payload = deployment.Payload;
            var record = payload.ValueKind switch
            {
                JsonValueKind.Object => payload.Deserialize(DeployMetadataJsonContext.Default.DeployRecord),
                JsonValueKind.String => JsonSerializer.Deserialize(payload.GetString() ?? "null", DeployMetadataJsonContext.Default.DeployRecord),
                _ => null,
            };
            // Upstream data: only a record for a real commit with a real timestamp is taken for one of ours.
            return record is not null && IsFullSha(deployment.Sha) && string.Equals(record.Sha, deployment.Sha, StringComparison.OrdinalIgnoreCase)
                && DateTimeOffset.TryParse(record.CreatedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _)
                ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="sha"/> is a full 40-character lower-case hexadecimal commit SHA.</summary>
    public static bool IsFullSha(string? sha) => sha is { Length: 40 } && sha.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>The first record stored for <paramref name="sha"/> (the oldest: the one that stands), if any.</summary>
    public static (GitHubDeployment Deployment, DeployRecord Record)? FirstRecorded(IEnumerable<GitHubDeployment> deployments, string sha)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        return deployments
            .Where(d => string.Equals(d.Sha, sha, StringComparison.OrdinalIgnoreCase))
            .Select(d => (Deployment: d, Record: RecordOf(d)))
            .Where(x => x.Record is not null)
            .OrderBy(x => x.Deployment.CreatedAt, StringComparer.Ordinal).ThenBy(x => x.Deployment.Id)
            .Select(x => ((GitHubDeployment, DeployRecord)?)(x.Deployment, x.Record!))
            .FirstOrDefault();
    }

    /// <summary>
    /// The rollback: the current deployment (newest whose latest status is success, else newest ever successful) and
    /// the target (the deployment for <paramref name="toSha"/>, else the newest successful one before the current
    /// with another SHA). <paramref name="history"/> is newest first, each with its statuses newest first.
    /// </summary>
    public static RollbackPlan PlanRollback(IReadOnlyList<(GitHubDeployment Deployment, IReadOnlyList<GitHubDeploymentStatus> Statuses)> history, string? toSha)
    {
        ArgumentNullException.ThrowIfNull(history);
        history = [.. history.Where(h => IsFullSha(h.Deployment.Sha))]; // what is logged and promoted must be a real commit
        static bool Succeeded(IReadOnlyList<GitHubDeploymentStatus> statuses) => statuses.Any(s => s.State == "success");
        var currentIndex = -1;
        for (var i = 0; i < history.Count && currentIndex < 0; i++)
        {
            currentIndex = history[i].Statuses.Count > 0 && history[i].Statuses[0].State == "success" ? i : -1;
        }

        if (currentIndex < 0)
        {
            currentIndex = history.Select((h, i) => (h, i)).Where(x => Succeeded(x.h.Statuses)).Select(x => x.i).DefaultIfEmpty(-1).First();
        }

        if (currentIndex < 0)
        {
            return new RollbackPlan(null, null, "no successful deployment is recorded in this environment");
        }

        var current = history[currentIndex].Deployment;
        if (toSha is not null)
        {
            if (string.Equals(current.Sha, toSha, StringComparison.OrdinalIgnoreCase))
            {
                return new RollbackPlan(current, null, $"{toSha} is already the current deployment");
            }

            var match = history.FirstOrDefault(h => string.Equals(h.Deployment.Sha, toSha, StringComparison.OrdinalIgnoreCase) && Succeeded(h.Statuses));
            return match.Deployment is null
                ? new RollbackPlan(current, null, $"no successful deployment of {toSha} is recorded in this environment")
                : new RollbackPlan(current, match.Deployment, null);
        }

        var previous = history.Skip(currentIndex + 1)
            .FirstOrDefault(h => Succeeded(h.Statuses) && !string.Equals(h.Deployment.Sha, current.Sha, StringComparison.OrdinalIgnoreCase));
        return previous.Deployment is null
            ? new RollbackPlan(current, null, "no earlier successful deployment of another commit is recorded in this environment")
            : new RollbackPlan(current, previous.Deployment, null);
    }
}
