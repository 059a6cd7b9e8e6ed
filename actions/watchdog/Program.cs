using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Watchdog;

return await ActionHost.RunMainAsync(new WatchdogAction());
