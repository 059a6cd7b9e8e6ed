using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Watchdog.Checks;

/// <summary>Reads <c>endpoints-file</c>: a bad entry is named and skipped, a bad file is a warning.</summary>
internal static class EndpointsFileReader
{
    private const long MaxEndpointsFileBytes = 1024 * 1024;

    public static async Task<IReadOnlyList<CheckSpec>> ReadAsync(RunContext run, CancellationToken cancellationToken)
    {
        if (run.Inputs.EndpointsFile is not { } path)
        {
            return [];
        }

        var file = await JsonFile.ReadAsync(path, WatchdogJsonContext.Default.EndpointsFile, MaxEndpointsFileBytes, cancellationToken);
        if (file.Value?.Endpoints is not { } declarations)
        {
            run.Warn(file.Message ?? $"{run.Runtime.RelativeToWorkspace(path)} has no 'endpoints' array; its checks are skipped.");
            return [];
        }

        var specs = new List<CheckSpec>();
        foreach (var (declaration, index) in declarations.Select((d, i) => (d, i)))
        {
            var (spec, error) = CheckPlan.Build(declaration, run.Inputs.Target, run.Inputs.SlowThreshold);
            if (spec is null)
            {
                run.Warn($"{run.Runtime.RelativeToWorkspace(path)}: endpoints[{index}] skipped: {error}.");
            }
            else if (specs.Count + run.Inputs.ExtraChecks.Count >= CheckPlan.MaxExtraEndpoints)
            {
                run.Warn($"{run.Runtime.RelativeToWorkspace(path)}: only the first {CheckPlan.MaxExtraEndpoints} extra endpoints are checked; {declarations.Count - index} more skipped.");
                break;
            }
            else
            {
                specs.Add(spec);
            }
        }

        return specs;
    }
}
