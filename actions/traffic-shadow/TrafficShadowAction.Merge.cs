using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Hosting;
using Bookiji.Actions.Core.Toolkit;
using Bookiji.Actions.TrafficShadow.Replay;
using Bookiji.Actions.TrafficShadow.Results;

namespace Bookiji.Actions.TrafficShadow;

public sealed partial class TrafficShadowAction
{
    /// <summary>Reads every shard file as <see cref="TrafficShadowResults"/>; one that does not fit is named and left out, the rest merged.</summary>
    private static async Task<(ReplayResult Result, RunContext Context)> MergeAsync(ActionRuntime runtime, MergeModeInputs inputs, CancellationToken cancellationToken)
    {
        runtime.Core.StartGroup($"Merging {inputs.Files.Count} shard results");
        try
        {
            var shards = new List<(string File, TrafficShadowResults Shard)>();
            var problems = new List<string>();
            foreach (var file in inputs.Files)
            {
                var name = runtime.RelativeToWorkspace(file);
                var read = await JsonFile.ReadAsync(file, TrafficShadowJsonContext.Default.TrafficShadowResults, JsonFile.DefaultMaxBytes, cancellationToken);
                if (read.Value is { } shard)
                {
                    shards.Add((file, shard));
                    runtime.Core.Info($"{name}: {shard.TotalRequests} requests, shard {shard.Run.Shard}.");
                }
                else
                {
                    problems.Add($"Shard result {name} {read.Problem}; it was left out of the merge.");
                }
            }

            var (result, failed) = ShardMerger.Merge(shards, inputs.Seed);
            problems.AddRange(failed.Select(f => $"Shard result {runtime.RelativeToWorkspace(f.File)} {f.Problem}; it was left out of the merge."));
            Warn(runtime, problems);
            if (result is null)
            {
                throw new ActionException($"No shard result could be merged ({problems.Count} of {inputs.Files.Count} unusable; see the warnings).") { Title = "nothing to merge" };
            }

            var used = shards.Where(s => !failed.Any(f => f.File == s.File)).Select(s => s.Shard).ToList();
            var notes = problems.Concat([$"Merged {used.Count} of {inputs.Files.Count} shard results."]).Concat(used.SelectMany(s => s.Notes)).ToList();
            return Pair(result, new RunContext(used[0].CanaryUrl, used[0].BaselineUrl, used.Sum(s => s.Run.Concurrency), "merged", notes));
        }
        finally
        {
            runtime.Core.EndGroup();
        }
    }
}
