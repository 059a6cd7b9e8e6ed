using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.SloExport;

return await ActionHost.RunMainAsync(new SloExportAction());
