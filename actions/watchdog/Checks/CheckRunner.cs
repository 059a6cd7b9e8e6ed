using Bookiji.Actions.Core.Http;
using Bookiji.Actions.Watchdog.Probes;
using Polly;
using Polly.Retry;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>
/// Runs checks with confirmation: a failing attempt is retried with exponential back-off and jitter (Polly), and a
/// check counts as failed only when every attempt failed, so one lost packet is never an alarm.
/// </summary>
/// <param name="Probes">The core's probe client (its clock times the answers and paces the back-off).</param>
/// <param name="Settings">Timeouts, retries and bounds.</param>
public sealed record CheckRunner(ProbeClient Probes, ProbeSettings Settings)
{
    /// <summary>Checks probed at once (and so the connections the probe client keeps).</summary>
    public const int MaxParallel = 8;

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
        Attempt last;
        try
        {
            last = await Pipeline().ExecuteAsync(
                async token =>
                {
                    attempts++;
                    var response = await Probe.SendAsync(Probes, HttpMethod.Get, spec.Url, Settings, null, token);
                    return Evaluate(spec, response, Probes.Time.GetElapsedTime(response.Started, response.Ended), Settings.Timeout);
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The deadline fell during an attempt or a back-off wait: the check is as failed as its attempts were.
            last = new Attempt(null, TimeSpan.Zero, TransportError.Timeout, null, false, CheckOutcome.Fail, [], Probe.DeadlineReached);
        }

        return last.ToResult(spec, Math.Max(1, attempts));
    }

    private ResiliencePipeline<Attempt> Pipeline()
    {
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = Probes.Time };
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
    internal static Attempt Evaluate(CheckSpec spec, ProbeResponse response, TimeSpan elapsed, TimeSpan timeout)
    {
        var cut = response.Body?.Cut == true;
        if (response.Error is { } error)
        {
            return new Attempt(response.Status, elapsed, error, null, cut, CheckOutcome.Fail, [], Probe.Describe(error, timeout));
        }

        var redirectHost = Probe.RedirectHost(response, spec.Url);
        var failed = spec.Conditions
            .Select(c => (Condition: c, Result: c.Evaluate(response, elapsed)))
            .Where(x => !x.Result.Passed)
            .ToList();
        if (failed.Count == 0)
        {
            return new Attempt(response.Status, elapsed, null, redirectHost, cut, CheckOutcome.Pass, [], null);
        }

        var texts = failed.Select(x => $"{x.Condition.Text} ({x.Result.Detail})").ToList();
        var outcome = failed.All(x => x.Condition.Subject == ConditionSubject.ResponseTime) ? CheckOutcome.Slow : CheckOutcome.Fail;
        var redirect = redirectHost is { } host && !string.Equals(host, spec.Url.IdnHost, StringComparison.OrdinalIgnoreCase)
            ? $"; redirect to another host ({host}) not followed" : string.Empty;
        return new Attempt(response.Status, elapsed, null, redirectHost, cut, outcome, texts, string.Join("; ", texts) + redirect);
    }

    /// <summary>One attempt's answer (what the result keeps of it: never the body) and verdict.</summary>
    internal sealed record Attempt(
        int? StatusCode, TimeSpan Elapsed, TransportError? ErrorKind, string? RedirectHost, bool BodyTruncated, CheckOutcome Outcome, IReadOnlyList<string> FailedConditions, string? Error)
    {
        public CheckResult ToResult(CheckSpec spec, int attempts) => new()
        {
            Name = spec.Name,
            Kind = spec.Kind.ToString().ToLowerInvariant(),
            Endpoint = spec.Url.ToString(),
            Outcome = Outcome.ToString().ToLowerInvariant(),
            StatusCode = StatusCode,
            LatencyMs = (long)Math.Round(Elapsed.TotalMilliseconds),
            ErrorKind = ErrorKind is { } kind ? Probe.Kind(kind) : null,
            Error = Error,
            FailedConditions = FailedConditions,
            Attempts = attempts,
            RedirectHost = RedirectHost,
            BodyTruncated = BodyTruncated ? true : null,
        };
    }
}
