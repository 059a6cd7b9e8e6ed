using System.Net.Http.Headers;
using System.Text;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.TrafficShadow.Replay;

public sealed partial class Replayer
{
    private async Task<Outcome> SendAsync(PreparedRequest item, bool baseline, RawSend raw, ReplayOptions options, long? intended, ProbeDeadline deadline, CancellationToken cancellationToken)
    {
        if (raw is { Bytes: { } bytes, Connection: { } connection })
        {
            var from = intended ?? time.GetTimestamp();
            var expires = time.GetTimestamp() + (long)(options.Timeout.TotalSeconds * time.TimestampFrequency);
            var answer = await connection.SendAsync(bytes, item.Request.Method == "HEAD", options.Diff, expires, cancellationToken);
            return new Outcome(Micros(from), answer.Status, Kind(answer.Status, answer.Error), answer.Body);
        }

        using var message = new HttpRequestMessage(item.Method, baseline ? item.BaselineUri : item.CanaryUri);
        foreach (var (name, value) in item.HeadersFor(baseline))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (options.HostHeader is { } host)
        {
            message.Headers.Host = host;
        }

        if (item.Request.Body is { } body)
        {
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(RequestPlanner.ContentType(item.Request, body));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var response = await probe.SendAsync(message, options.Diff ? ProbeBodyMode.KeepJson : ProbeBodyMode.Discard, deadline, options.Timeout);
        var micros = (long)(time.GetElapsedTime(intended ?? response.Started, response.Ended).TotalMilliseconds * 1000);
        return new Outcome(micros, response.Status, Kind(response.Status, response.Error), response.Body);
    }

    private long Micros(long from) => (long)(time.GetElapsedTime(from).TotalMilliseconds * 1000);

    /// <summary>The raw engine's bytes and connection for one send; both null with the default engine (and for noise learning).</summary>
    private readonly record struct RawSend(byte[]? Bytes, RawHttpConnection? Connection);

    /// <summary>The statistics' error kind: HTTP errors split 4xx/5xx, transport errors as the core classifies them.</summary>
    internal static ErrorKind Kind(int? status, TransportError? error) => error switch
    {
        null => status >= 500 ? ErrorKind.Server5xx : status >= 400 ? ErrorKind.Client4xx : ErrorKind.None,
        TransportError.Timeout => ErrorKind.Timeout,
        TransportError.Refused => ErrorKind.Refused,
        TransportError.Reset => ErrorKind.Reset,
        TransportError.Dns => ErrorKind.Dns,
        TransportError.Tls => ErrorKind.Tls,
        _ => ErrorKind.OtherTransport,
    };
}
