using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.TrafficShadow;

return await ActionHost.RunMainAsync(new TrafficShadowAction());
