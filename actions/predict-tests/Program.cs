using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.PredictTests;

return await ActionHost.RunMainAsync(new PredictTestsAction());
