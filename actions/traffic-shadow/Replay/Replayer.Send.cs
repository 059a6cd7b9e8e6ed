using System.Net.Http.Headers;
using System.Text;
using Bookiji.Actions.Core.Http;

namespace Bookiji.Actions.TrafficShadow.Replay;

public sealed partial class Replayer
{
    private async Task<Outcome> SendAsync(PreparedRequest item, Uri uri, ReplayOptions options, long? intended, ProbeDeadline deadline, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(item.Method, uri);
        foreach (var (name, value) in item.Headers)
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
        return new Outcome(micros, response.Status, Kind(response), response.Body);
    }

    /// <summary>The statistics' error kind: HTTP errors split 4xx/5xx, transport errors as the core classifies them.</summary>
    internal static ErrorKind Kind(ProbeResponse response) => response.Error switch
    {
        null => response.Status >= 500 ? ErrorKind.Server5xx : response.Status >= 400 ? ErrorKind.Client4xx : ErrorKind.None,
        TransportError.Timeout => ErrorKind.Timeout,
        TransportError.Refused => ErrorKind.Refused,
        TransportError.Reset => ErrorKind.Reset,
        TransportError.Dns => ErrorKind.Dns,
        TransportError.Tls => ErrorKind.Tls,
        _ => ErrorKind.OtherTransport,
    };
}
