using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Bookiji.Actions.TrafficShadow.Samples;

namespace Bookiji.Actions.TrafficShadow.Replay;

/// <summary>
/// Replays requests at the canary (and the baseline, each request to both in random order) with a fixed number
/// of workers. Closed loop measures from the actual send; open loop (a rate, or recorded pacing) measures from
/// the intended send time, so a stalled server shows up as latency instead of as fewer requests (coordinated
/// omission, as wrk2 corrects it).
/// </summary>
public sealed class Replayer(HttpMessageInvoker client, TimeProvider time, int seed)
{
    private static readonly HashSet<string> DroppedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Accept-Encoding",
    };

    /// <summary>Runs the replay.</summary>
    public async Task<ReplayResult> RunAsync(IReadOnlyList<TrafficRequest> sample, Uri canary, Uri? baseline, ReplayOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        var slice = sample.Where((_, i) => i % options.ShardTotal == options.ShardIndex).ToList();
        if (slice.Count == 0)
        {
            return new ReplayResult { Canary = new TargetStats(new Random(seed)), Baseline = baseline is null ? null : new TargetStats(new Random(seed)) };
        }

        // Everything per request that does not change between sends is prepared once: URIs, method, endpoint key.
        var raw = options.Engine == "raw";
        var prepared = slice.Select(r =>
        {
            var canaryUri = new Uri(canary, r.Path.TrimStart('/'));
            var baselineUri = baseline is null ? null : new Uri(baseline, r.Path.TrimStart('/'));
            return new Prepared(r, new HttpMethod(r.Method), canaryUri, baselineUri, EndpointKey.For(r.Method, r.Path),
                raw ? RawRequest(r, canaryUri, options) : null, raw && baselineUri is not null ? RawRequest(r, baselineUri, options) : null);
        }).ToArray();
        var total = options.Duration is null ? (long)slice.Count * options.Repeat + options.Warmup : long.MaxValue;
        var noise = baseline is not null && options.Diff && options.LearnNoise
            ? await LearnNoiseAsync(prepared, options, cancellationToken)
            : new Dictionary<string, IReadOnlySet<string>>();
        var sampleSpan = slice.Max(r => r.OffsetMs ?? 0);
        long next = -1;
        long lagTicks = 0;
        long lagged = 0;
        var start = time.GetTimestamp();
        long measuredStart = 0;
        var deadline = options.Duration is { } d ? start + (long)(d.TotalSeconds * time.TimestampFrequency) : long.MaxValue;
        var diffs = new ConcurrentDictionary<string, DiffCount>(StringComparer.Ordinal);
        long compared = 0;
        // Workers share a few lock-striped stats (not one each): histograms are ~0.4 MB apiece, and memory must
        // stay bounded whatever the concurrency.
        var stripes = Enumerable.Range(0, Math.Min(options.Concurrency, 4))
            .Select(i => (Canary: new TargetStats(new Random(seed * 31 + i)), Baseline: baseline is null ? null : new TargetStats(new Random(seed * 37 + i)), Gate: new Lock()))
            .ToArray();
        using var sweeper = raw ? new TimeoutSweeper(time) : null;
        var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed + w);
            using var requestTimeout = new Deadline(cancellationToken);
            using var canaryConnection = raw ? sweeper!.Watch(new RawHttpConnection(canary.Host, canary.Port)) : null;
            using var baselineConnection = raw && baseline is not null ? sweeper!.Watch(new RawHttpConnection(baseline.Host, baseline.Port)) : null;
            var (canaryStats, baselineStats, gate) = stripes[w % stripes.Length];
            while (!cancellationToken.IsCancellationRequested)
            {
                var k = Interlocked.Increment(ref next);
                if (k >= total || time.GetTimestamp() >= deadline)
                {
                    break;
                }

                var item = prepared[(int)(k % prepared.Length)];
                var request = item.Request;
                var intended = Intended(k, options, start, request, slice.Count, sampleSpan);
                if (intended is { } at)
                {
                    var wait = time.GetElapsedTime(time.GetTimestamp(), at);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, cancellationToken);
                    }
                    else if (k >= options.Warmup)
                    {
                        Interlocked.Add(ref lagTicks, time.GetTimestamp() - at);
                        Interlocked.Increment(ref lagged);
                    }
                }

                if (k == options.Warmup)
                {
                    Interlocked.CompareExchange(ref measuredStart, time.GetTimestamp(), 0);
                }

                var measured = k >= options.Warmup;
                var endpoint = item.Endpoint;
                var baselineFirst = baseline is not null && random.Next(2) == 0;
                Outcome? baselineOutcome = null;
                if (baselineFirst)
                {
                    baselineOutcome = await SendAsync(item, item.BaselineUri!, item.BaselineBytes, baselineConnection, options, intended, requestTimeout, cancellationToken);
                }

                var canaryOutcome = await SendAsync(item, item.CanaryUri, item.CanaryBytes, canaryConnection, options, baselineFirst ? null : intended, requestTimeout, cancellationToken);
                if (baseline is not null && !baselineFirst)
                {
                    baselineOutcome = await SendAsync(item, item.BaselineUri!, item.BaselineBytes, baselineConnection, options, null, requestTimeout, cancellationToken);
                }

                if (!measured)
                {
                    continue;
                }

                lock (gate)
                {
                    canaryStats.Record(endpoint, canaryOutcome.Micros, canaryOutcome.Status, canaryOutcome.Error);
                    if (baselineOutcome is { } recorded)
                    {
                        baselineStats!.Record(endpoint, recorded.Micros, recorded.Status, recorded.Error);
                    }
                }

                if (baselineOutcome is { } b)
                {
                    if (options.Diff)
                    {
                        Interlocked.Increment(ref compared);
                        if (ResponseDiffer.Compare(b.Status, b.Body, canaryOutcome.Status, canaryOutcome.Body, options.IgnoreFields, noise.GetValueOrDefault(endpoint)) is { } difference)
                        {
                            diffs.AddOrUpdate(endpoint, _ => new DiffCount(1, difference), (_, old) => old with { Count = old.Count + 1 });
                        }
                    }
                }
            }

        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        var results = stripes.Select(s => (s.Canary, s.Baseline));
        var end = time.GetTimestamp();
        var canaryTotal = new TargetStats(new Random(seed));
        var baselineTotal = baseline is null ? null : new TargetStats(new Random(seed + 1));
        foreach (var (c, b) in results)
        {
            canaryTotal.Merge(c);
            if (b is not null)
            {
                baselineTotal!.Merge(b);
            }
        }

        var lagMs = lagged == 0 ? 0 : (double)lagTicks / lagged / time.TimestampFrequency * 1000;
        var elapsed = time.GetElapsedTime(measuredStart == 0 ? start : measuredStart, end);
        var result = new ReplayResult
        {
            Canary = canaryTotal,
            Baseline = baselineTotal,
            Diffs = diffs,
            Compared = compared,
            LearnedNoise = noise,
            Measured = canaryTotal.Count,
            Elapsed = elapsed,
            TargetRate = options.Rate,
            MeanSendLagMs = Math.Round(lagMs, 2),
        };
        return result with { Saturated = options.Rate is { } rate && (result.AchievedRate < rate * 0.9 || lagMs > 10) };
    }

    /// <summary>Sends each distinct safe request to the baseline twice and keeps the JSON paths that differ.</summary>
    private async Task<Dictionary<string, IReadOnlySet<string>>> LearnNoiseAsync(Prepared[] prepared, ReplayOptions options, CancellationToken cancellationToken)
    {
        var learned = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var timeout = new Deadline(cancellationToken);
        foreach (var item in prepared.Where(p => RequestGuard.SafeMethods.Contains(p.Request.Method)).DistinctBy(p => p.Request.Path).Take(200))
        {
            var first = await SendAsync(item, item.BaselineUri!, null, null, options, null, timeout, cancellationToken);
            var second = await SendAsync(item, item.BaselineUri!, null, null, options, null, timeout, cancellationToken);
            if (first.Body is { } a && second.Body is { } b && first.Status == second.Status)
            {
                if (!learned.TryGetValue(item.Endpoint, out var paths))
                {
                    learned[item.Endpoint] = paths = new HashSet<string>(StringComparer.Ordinal);
                }

                paths.UnionWith(ResponseDiffer.DifferingPaths(a, b, options.IgnoreFields));
            }
        }

        return learned.Where(l => l.Value.Count > 0).ToDictionary(l => l.Key, l => (IReadOnlySet<string>)l.Value, StringComparer.Ordinal);
    }

    /// <summary>The intended send time in open-loop modes; <c>null</c> in closed loop.</summary>
    private long? Intended(long k, ReplayOptions options, long start, TrafficRequest request, int sampleSize, double sampleSpanMs)
    {
        if (options.Rate is { } rate)
        {
            return start + (long)(k / rate * time.TimestampFrequency);
        }

        if (options.Speed is { } speed && request.OffsetMs is { } offset)
        {
            var loop = k / sampleSize;
            var ms = (loop * (sampleSpanMs + 1) + offset) / speed;
            return start + (long)(ms / 1000 * time.TimestampFrequency);
        }

        return null;
    }

    private async Task<Outcome> SendAsync(Prepared item, Uri uri, byte[]? rawBytes, RawHttpConnection? connection, ReplayOptions options, long? intended, Deadline deadline, CancellationToken cancellationToken)
    {
        if (rawBytes is not null && connection is not null)
        {
            var rawFrom = intended ?? time.GetTimestamp();
            var expires = time.GetTimestamp() + (long)(options.Timeout.TotalSeconds * time.TimestampFrequency);
            var answer = await connection.SendAsync(rawBytes, item.Request.Method == "HEAD", options.Diff, expires, cancellationToken);
            return new Outcome(Micros(rawFrom), answer.Status, answer.Error, answer.Body);
        }

        var request = item.Request;
        using var message = new HttpRequestMessage(item.Method, uri);
        foreach (var (name, value) in request.Headers)
        {
            if (!DroppedHeaders.Contains(name) && !name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && !IsSensitive(name))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        foreach (var (name, value) in options.ExtraHeaders)
        {
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation("X-Shadow-Request", "true");
        if (!message.Headers.Contains("User-Agent"))
        {
            message.Headers.TryAddWithoutValidation("User-Agent", "bookiji-traffic-shadow/1.0");
        }
        if (options.HostHeader is { } host)
        {
            message.Headers.Host = host;
        }

        if (request.Body is { } body)
        {
            var type = request.Headers.TryGetValue("Content-Type", out var t) ? t : body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[') ? "application/json" : "text/plain";
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }

        var token = deadline.Arm(options.Timeout);
        var sent = time.GetTimestamp();
        var from = intended ?? sent;
        try
        {
            using var response = await client.SendAsync(message, token);
            string? text = null;
            var isJson = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
            if (options.Diff && isJson)
            {
                text = await response.Content.ReadAsStringAsync(token);
            }
            else
            {
                await response.Content.CopyToAsync(Stream.Null, token);
            }

            var status = (int)response.StatusCode;
            var kind = status >= 500 ? ErrorKind.Server5xx : status >= 400 ? ErrorKind.Client4xx : ErrorKind.None;
            return new Outcome(Micros(from), status, kind, text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(Micros(from), null, ErrorKind.Timeout, null);
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(Micros(from), null, Classify(ex), null);
        }
        catch (IOException)
        {
            return new Outcome(Micros(from), null, ErrorKind.Reset, null);
        }
        finally
        {
            deadline.Disarm();
        }
    }

    /// <summary>
    /// Recorded credentials are somebody's: they are never replayed (nor written anywhere). The canary's own
    /// auth comes from the canary-auth-header secret.
    /// </summary>
    public static bool IsSensitive(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || header.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)
        || header.Contains("token", StringComparison.OrdinalIgnoreCase) || header.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || header.Contains("api-key", StringComparison.OrdinalIgnoreCase) || header.Contains("apikey", StringComparison.OrdinalIgnoreCase)
        || header.Contains("session", StringComparison.OrdinalIgnoreCase);

    private long Micros(long from) => (long)(time.GetElapsedTime(from).TotalMilliseconds * 1000);

    /// <summary>Names the transport failure.</summary>
    internal static ErrorKind Classify(HttpRequestException exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException:
                    return ErrorKind.Tls;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return ErrorKind.Refused;
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted }:
                    return ErrorKind.Reset;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return ErrorKind.Dns;
            }
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => ErrorKind.Dns,
            HttpRequestError.SecureConnectionError => ErrorKind.Tls,
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => ErrorKind.Reset,
            HttpRequestError.ConnectionError => ErrorKind.Refused,
            _ => ErrorKind.OtherTransport,
        };
    }

    private readonly record struct Outcome(long Micros, int? Status, ErrorKind Error, string? Body);

    private sealed record Prepared(TrafficRequest Request, HttpMethod Method, Uri CanaryUri, Uri? BaselineUri, string Endpoint, byte[]? CanaryBytes, byte[]? BaselineBytes);

    /// <summary>The request as HTTP/1.1 bytes, with the same header rules as the HttpClient engine.</summary>
    private static byte[] RawRequest(TrafficRequest request, Uri uri, ReplayOptions options)
    {
        var text = new StringBuilder();
        text.Append(request.Method).Append(' ').Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        text.Append("Host: ").Append(options.HostHeader ?? uri.Authority).Append("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            if (!DroppedHeaders.Contains(name) && !name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && !IsSensitive(name))
            {
                headers[name] = value;
            }
        }

        foreach (var (name, value) in options.ExtraHeaders)
        {
            headers[name] = value;
        }

        headers["X-Shadow-Request"] = "true";
        headers.TryAdd("User-Agent", "bookiji-traffic-shadow/1.0");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)).Append("\r\n");
        }

        var body = request.Body is null ? [] : Encoding.UTF8.GetBytes(request.Body);
        if (request.Body is not null)
        {
            var type = request.Headers.TryGetValue("Content-Type", out var t) ? t : request.Body.TrimStart().StartsWith('{') || request.Body.TrimStart().StartsWith('[') ? "application/json" : "text/plain";
            text.Append("Content-Type: ").Append(type).Append("\r\n");
        }

        if (request.Body is not null || request.Method is "POST" or "PUT" or "PATCH")
        {
            text.Append("Content-Length: ").Append(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n");
        }

        text.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(text.ToString()), .. body];
    }

    /// <summary>One worker's reusable per-request timeout: re-armed per request instead of a new linked source each time.</summary>
    private sealed class Deadline(CancellationToken outer) : IDisposable
    {
        private CancellationTokenSource _source = CancellationTokenSource.CreateLinkedTokenSource(outer);

        public CancellationToken Arm(TimeSpan timeout)
        {
            _source.CancelAfter(timeout);
            return _source.Token;
        }

        public void Disarm()
        {
            if (!_source.TryReset())
            {
                _source.Dispose();
                _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
            }
        }

        public void Dispose() => _source.Dispose();
    }

    /// <summary>A handler for replay: one connection per worker and target, no redirects, no decompression, no proxy.</summary>
    public static SocketsHttpHandler CreateHandler(int concurrency, bool skipTlsVerify) => new()
    {
        MaxConnectionsPerServer = Math.Max(1, concurrency),
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        SslOptions = skipTlsVerify ? new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true } : new(),
    };
}
