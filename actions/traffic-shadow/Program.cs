using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.TrafficShadow;

// Socket completions run inline on the event thread instead of hopping to the thread pool: on two cores shared
// with the service under test this took the SocketsHttpHandler engine from ~0.6x to >= 0.8x of `wrk -t1`
// (docs/benchmarks.md). The runtime reads the variable when the socket engine starts, so it is set before any
// socket exists; a value already set (e.g. =0 by the benchmark) wins.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS")))
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

return await ActionHost.RunMainAsync(new TrafficShadowAction());
