using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.Watchdog.Sentry;

/// <summary>
/// Asks Sentry for failure_rate() and count() over the window. Sentry is optional: any failure (refused, reset,
/// garbage, wrong shape, 401, 429 after the API client's Retry-After-honouring retries, hang) is an
/// <c>unavailable</c> budget with the reason, never an exception.
/// </summary>
public static class SentryClient
{
    /// <summary>Most bytes of a Sentry answer read.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Queries the budget through <paramref name="http"/> (the project's resilient API client).</summary>
    public static async Task<SentryBudget> QueryAsync(HttpClient http, SentrySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, settings.EventsUrl());
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return Unavailable(settings, $"Sentry rejected the token ({(int)response.StatusCode}): check that SENTRY_API_TOKEN is valid and has the org:read scope for '{settings.Organization}'");
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return Unavailable(settings, $"Sentry rate-limited the query (429{RateLimitText(response)}) and still did after the retries");
            }

            if (!response.IsSuccessStatusCode)
            {
                return Unavailable(settings, $"Sentry answered {(int)response.StatusCode}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var body = await BoundedBody.ReadHeadAsync(stream, MaxResponseBytes, cancellationToken);
            if (body.Cut)
            {
                return Unavailable(settings, $"Sentry's answer exceeded {MaxResponseBytes / 1024} KiB and was not read");
            }

            return FromResponse(settings, JsonSerializer.Deserialize(body.Bytes.Span, WatchdogJsonContext.Default.SentryEventsResponse));
        }
        catch (JsonException)
        {
            return Unavailable(settings, "Sentry's answer is not the documented JSON shape");
        }
        catch (OperationCanceledException)
        {
            return Unavailable(settings, "Sentry did not answer in time");
        }
#pragma warning disable CA1031 // Sentry is an optional upstream: every failure is a warning and the run goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Unavailable(settings, ex is HttpRequestException or IOException
                ? $"Sentry could not be reached ({Probes.Probe.Kind(HttpErrors.Classify(ex))})"
                : $"the Sentry query failed ({ex.GetType().Name})");
        }
    }

    /// <summary>Judges the parsed answer against the budget.</summary>
    public static SentryBudget FromResponse(SentrySettings settings, SentryEventsResponse? response)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (response?.Data is not { } rows)
        {
            return Unavailable(settings, "Sentry's answer has no 'data' array");
        }

        // No transactions in the window: nothing failed.
        var row = rows.Count > 0 ? rows[0] : new SentryEventsRow { FailureRate = 0, Count = 0 };
        if (row.FailureRate is not { } rate || !double.IsFinite(rate) || rate < 0 || rate > 1)
        {
            return Unavailable(settings, "Sentry's answer has no failure_rate() between 0 and 1");
        }

        return new SentryBudget
        {
            State = rate > settings.Budget ? "breached" : "ok",
            FailureRate = rate,
            Count = row.Count,
            Budget = settings.Budget,
            Period = settings.StatsPeriod,
        };
    }

    private static SentryBudget Unavailable(SentrySettings settings, string problem) =>
        new() { State = "unavailable", Budget = settings.Budget, Period = settings.StatsPeriod, Problem = problem };

    /// <summary>Sentry's documented rate-limit headers, numbers only (upstream text never reaches a report).</summary>
    private static string RateLimitText(HttpResponseMessage response)
    {
        var parts = new List<string>();
        foreach (var name in new[] { "X-Sentry-Rate-Limit-Remaining", "X-Sentry-Rate-Limit-Reset", "Retry-After" })
        {
            if (response.Headers.TryGetValues(name, out var values) && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {number}"));
            }
        }

        return parts.Count == 0 ? string.Empty : "; " + string.Join(", ", parts);
    }
}
