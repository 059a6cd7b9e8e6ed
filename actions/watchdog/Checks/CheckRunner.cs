using Bookiji.Actions.Watchdog.Probes;
using Polly;
using Polly.Retry;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>
/// Runs checks with confirmation: a failing attempt is retried with exponential back-off and jitter (Polly), and a
/// check counts as failed only when every attempt failed, so one lost packet is never an alarm.
/// </summary>
/// <param name="Probes">The HTTP seam.</param>
/// <param name="Time">The clock Polly waits on.</param>
/// <param name="Settings">Timeouts, retries and bounds.</param>
public sealed record CheckRunner(IProbeClient Probes, TimeProvider Time, ProbeSettings Settings)
{
    private const int MaxParallel = 8;

    /// <summary>Runs every check, a few at a time; results keep the order of <paramref name="specs"/>.</summary>
    public async Task<IReadOnlyList<CheckResult>> RunAllAsync(IReadOnlyList<CheckSpec> specs, Action<CheckResult> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(progress);
        var results = new CheckResult[specs.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, specs.Count), new ParallelOptions { MaxDegreeOfParallelism = MaxParallel }, async (i, _) =>
        {
            results[i] = await RunAsync(specs[i], cancellationToken);
            progress(results[i]);
        });
        return results;
    }

    /// <summary>Runs one check until it passes or the attempts are spent (never past <paramref name="cancellationToken"/>).</summary>
    public async Task<CheckResult> RunAsync(CheckSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var attempts = 0;
        var request = new ProbeRequest(HttpMethod.Get, spec.Url, Settings.Timeout, Settings.MaxBodyBytes);
        Attempt last;
        try
        {
            last = await Pipeline().ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return Evaluate(spec, await Probes.SendAsync(request, token));
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The deadline fell during a back-off wait: the check is as failed as its attempts were.
            last = Evaluate(spec, ProbeResponse.Failed(TimeSpan.Zero, ProbeErrorKind.Timeout, "the run's deadline was reached"));
        }

        return last.ToResult(spec, Math.Max(1, attempts));
    }

    private ResiliencePipeline<Attempt> Pipeline()
    {
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = Time };
        if (Settings.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = Settings.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Settings.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Outcome: not CheckOutcome.Pass }),
            });
        }

        return builder.Build();
    }

    /// <summary>Applies the conditions to one answer; a failure of [RESPONSE_TIME] alone is "slow".</summary>
    internal static Attempt Evaluate(CheckSpec spec, ProbeResponse response)
    {
        if (response.IsTransportError)
        {
            return new Attempt(response, CheckOutcome.Fail, [], $"{response.ErrorKind?.ToString().ToLowerInvariant()}: {response.ErrorMessage}");
        }

        var failed = spec.Conditions
            .Select(c => (Condition: c, Result: c.Evaluate(response)))
            .Where(x => !x.Result.Passed)
            .ToList();
        if (failed.Count == 0)
        {
            return new Attempt(response, CheckOutcome.Pass, [], null);
        }

        var texts = failed.Select(x => $"{x.Condition.Text} ({x.Result.Detail})").ToList();
        var outcome = failed.All(x => x.Condition.Subject == ConditionSubject.ResponseTime) ? CheckOutcome.Slow : CheckOutcome.Fail;
        var redirect = response.RedirectHost is { } host && !string.Equals(host, spec.Url.IdnHost, StringComparison.OrdinalIgnoreCase)
            ? $"; redirect to another host ({host}) not followed" : string.Empty;
        return new Attempt(response, outcome, texts, string.Join("; ", texts) + redirect);
    }

    /// <summary>One attempt's answer and verdict.</summary>
    internal sealed record Attempt(ProbeResponse Response, CheckOutcome Outcome, IReadOnlyList<string> FailedConditions, string? Error)
    {
        public CheckResult ToResult(CheckSpec spec, int attempts) => new()
        {
            Name = spec.Name,
            Kind = spec.Kind.ToString().ToLowerInvariant(),
            Endpoint = spec.Url.ToString(),
            Outcome = Outcome.ToString().ToLowerInvariant(),
            StatusCode = Response.StatusCode,
            LatencyMs = (long)Math.Round(Response.Elapsed.TotalMilliseconds),
            ErrorKind = Response.ErrorKind?.ToString().ToLowerInvariant(),
            Error = Error,
            FailedConditions = FailedConditions,
            Attempts = attempts,
            RedirectHost = Response.RedirectHost,
            BodyTruncated = Response.BodyTruncated ? true : null,
        };
    }
}
