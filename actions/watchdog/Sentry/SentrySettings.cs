using Bookiji.Actions.Core.Inputs;

namespace Bookiji.Actions.Watchdog.Sentry;

/// <summary>Where and how to ask Sentry for the error budget.</summary>
/// <param name="Server">The Sentry server.</param>
/// <param name="Organization">The organization slug.</param>
/// <param name="Project">The project slug or numeric id.</param>
/// <param name="Token">The API token (masked).</param>
/// <param name="Period">The window.</param>
/// <param name="Budget">The largest acceptable failure rate.</param>
public sealed record SentrySettings(UserUrl Server, string Organization, string Project, string Token, TimeSpan Period, double Budget)
{
    /// <summary>The window in Sentry's statsPeriod units (m, h, d).</summary>
    public string StatsPeriod => Period.TotalDays >= 1 && Period.TotalDays % 1 == 0 ? $"{Period.TotalDays:0}d"
        : Period.TotalHours >= 1 && Period.TotalHours % 1 == 0 ? $"{Period.TotalHours:0}h"
        : $"{Math.Max(1, Math.Round(Period.TotalMinutes)):0}m";

    /// <summary>The events query: failure_rate() and count() of the project's transactions over the window.</summary>
    public Uri EventsUrl()
    {
        var numeric = Project.All(char.IsAsciiDigit);
        var query = "event.type:transaction" + (numeric ? string.Empty : $" project:{Project}");
        var path = $"/api/0/organizations/{Uri.EscapeDataString(Organization)}/events/" +
            $"?field={Uri.EscapeDataString("failure_rate()")}&field={Uri.EscapeDataString("count()")}" +
            $"&statsPeriod={StatsPeriod}&query={Uri.EscapeDataString(query)}" + (numeric ? $"&project={Project}" : string.Empty);
        return Server.Join(path);
    }
}
