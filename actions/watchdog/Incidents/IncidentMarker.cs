using System.Text.Json;
using Bookiji.Actions.Watchdog.State;

namespace Bookiji.Actions.Watchdog.Incidents;

/// <summary>
/// The hidden marker in the incident's body that carries <see cref="WatchdogState"/> between runs. The body is
/// editable by anyone with write access, so reading is bounded and a damaged marker is simply absent.
/// </summary>
public static class IncidentMarker
{
    /// <summary>How the marker starts.</summary>
    public const string Start = "<!-- bookiji-watchdog-state";

    private const string End = "-->";
    private const int MaxBodyChars = 65_536;

    /// <summary>The marker for <paramref name="state"/>. JSON escapes '&lt;' and '&gt;', so it cannot end the comment early.</summary>
    public static string Write(WatchdogState state) =>
        $"{Start}\n{JsonSerializer.Serialize(state, WatchdogJsonContext.Default.WatchdogState)}\n{End}";

    /// <summary>The most a streak may claim: far past any threshold (at most 100), so a forged 2^31 cannot keep an incident from moving.</summary>
    public const int MaxStreak = 100_000;

    /// <summary>How far in the future a marker's times may be (clock skew between runners).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The state in <paramref name="body"/>'s marker, when every field is plausible at <paramref name="now"/>; null when there is none, it is damaged or it is not.</summary>
    public static WatchdogState? Read(string? body, DateTimeOffset now) =>
        Read(body) is { } state && IsPlausible(state, now) ? state : null;

    /// <summary>Whether a state read from an issue (editable by others) holds only values this action could have written.</summary>
    public static bool IsPlausible(WatchdogState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var latest = now + MaxClockSkew;
        return state.FailureStreak is >= 0 and <= MaxStreak && state.SuccessStreak is >= 0 and <= MaxStreak
            && state.IncidentNumber is null or > 0
            && (state.UpdatedAt is null || state.UpdatedAt <= latest)
            && (state.LastRemediationAt is null || state.LastRemediationAt <= latest)
            && state.LastStatus is null or "ok" or "degraded" or "down" or "unknown";
    }

    /// <summary>The state in <paramref name="body"/>'s marker; null when there is none or it is damaged.</summary>
    public static WatchdogState? Read(string? body)
    {
        if (body is null || Find(body) is not { } span)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body.AsSpan(span.JsonStart, span.JsonEnd - span.JsonStart), WatchdogJsonContext.Default.WatchdogState);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><paramref name="body"/> with its marker replaced by one for <paramref name="state"/> (appended when missing); human edits elsewhere are kept.</summary>
    public static string Replace(string? body, WatchdogState state)
    {
        var text = body ?? string.Empty;
        var marker = Write(state);
        return Find(text) is { } span
            ? string.Concat(text.AsSpan(0, span.Start), marker, text.AsSpan(span.End))
            : text.TrimEnd() + "\n\n" + marker + "\n";
    }

    private static (int Start, int JsonStart, int JsonEnd, int End)? Find(string body)
    {
        var limit = Math.Min(body.Length, MaxBodyChars);
        var start = body.IndexOf(Start, 0, limit, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var jsonStart = start + Start.Length;
        var end = body.IndexOf(End, jsonStart, limit - jsonStart, StringComparison.Ordinal);
        return end < 0 ? null : (start, jsonStart, end, end + End.Length);
    }
}
