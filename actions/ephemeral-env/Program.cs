using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.EphemeralEnv;

return await ActionHost.RunMainAsync(new EphemeralEnvAction());
