namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>What GitHub said before this run acted; read once, decided on by <see cref="IncidentSelection"/>.</summary>
/// <param name="Asked">Whether GitHub was asked (false in dry-run, without a token, or when the lookup failed).</param>
/// <param name="Open">The open issues carrying both incident labels, lowest number first.</param>
/// <param name="TokenLogin">The login the token acts as, asked only when someone else's issue is among them; null when unknown.</param>
/// <param name="Problem">Why GitHub could not be used; null when it could (or in dry-run, where it is not asked).</param>
public sealed record GitHubView(bool Asked, IReadOnlyList<IncidentIssue> Open, string? TokenLogin, string? Problem)
{
    /// <summary>Dry-run: GitHub is not called.</summary>
    public static GitHubView NotAsked { get; } = new(false, [], null, null);

    /// <summary>GitHub is unusable for <paramref name="problem"/>.</summary>
    public static GitHubView Unavailable(string problem) => new(false, [], null, problem);
}
