using Bookiji.Actions.Core.Hosting;

namespace Bookiji.Actions.DeployMetadata.GitHub;

/// <summary>
/// The edge to GitHub's Deployments API, where the record is optional: every failure (refused, reset, garbage,
/// wrong shape, hang) becomes one warning within a bounded time, and the file-only record goes on.
/// </summary>
internal static class GitHubBoundary
{
    /// <summary>The most a run waits for the Deployments API in all.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    /// <summary>The client, or null with the reason the record stays file-only.</summary>
    public static (DeploymentsClient? Client, string? Why) Connect(ActionRuntime runtime, DeployMetadataInputs inputs, bool wanted)
    {
        if (!wanted)
        {
            return (null, "record-deployment is false");
        }

        if (string.IsNullOrEmpty(inputs.GitHubToken))
        {
            return (null, "no github-token");
        }

        return runtime.GitHub.Repository is { } repository
            ? (new DeploymentsClient(runtime.GitHub, repository, inputs.GitHubToken, TimeProvider.System), null) // back-off waits in real time
            : (null, "GITHUB_REPOSITORY is not set");
    }

    /// <summary>Runs <paramref name="call"/> within <paramref name="deadline"/>; on any failure warns and returns default.</summary>
    public static async Task<(bool Ok, T? Value)> TryAsync<T>(ActionRuntime runtime, string what, CancellationTokenSource deadline, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await call(deadline.Token));
        }
#pragma warning disable CA1031 // An optional upstream fails in every way; the record goes on without it.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var reason = deadline.IsCancellationRequested ? $"no answer within {Deadline.TotalSeconds:0} s" : $"{ex.GetType().Name}: {ex.Message}";
            runtime.Core.Warning($"GitHub Deployments API: {what} failed ({reason}); the deploy is recorded in the file only. Grant 'deployments: write' to the job's token to record it on GitHub.");
            return (false, default);
        }
    }
}
