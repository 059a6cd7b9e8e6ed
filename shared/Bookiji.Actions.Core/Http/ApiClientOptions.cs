namespace Bookiji.Actions.Core.Http;

/// <summary>The API client's bounds.</summary>
public sealed record ApiClientOptions
{
    /// <summary>All attempts of one call together, waits included. Default 60 s.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>One attempt. Default 15 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt. Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first back-off (exponential with jitter after it). Default 500 ms.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait, <c>Retry-After</c> included. Default 20 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);
}
