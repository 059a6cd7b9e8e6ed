using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.DeployMetadata;

return await ActionHost.RunMainAsync(new DeployMetadataAction());
