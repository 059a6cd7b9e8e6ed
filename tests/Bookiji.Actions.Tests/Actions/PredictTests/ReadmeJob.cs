using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Bookiji.Actions.Tests.Actions.PredictTests;

/// <summary>
/// The test job users copy (the step named "Run this shard's tests" of the job whose matrix comes from the plan),
/// read from a README or workflow as the runner loads it: its script, its env: mapping of matrix values and the
/// no-plan fallback matrix.
/// </summary>
internal sealed partial record ReadmeJob(string Script, IReadOnlyDictionary<string, string> Env, string FallbackMatrix)
{
    /// <summary>The job in <paramref name="text"/> (a Markdown file's YAML fences, or a workflow).</summary>
    public static ReadmeJob From(string text)
    {
        var documents = text.Contains("```", StringComparison.Ordinal) ? [.. YamlFence().Matches(text).Select(m => m.Groups[1].Value)] : new[] { text };
        foreach (var document in documents)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(document));
            if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root || Child(root, "jobs") is not YamlMappingNode jobs)
            {
                continue;
            }

            foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
            {
                if (Child(Child(job, "strategy"), "matrix") is not YamlScalarNode { Value: { } matrix } || Child(job, "steps") is not YamlSequenceNode steps)
                {
                    continue;
                }

                var step = steps.Children.OfType<YamlMappingNode>().Single(s => (Child(s, "name") as YamlScalarNode)?.Value == "Run this shard's tests");
                var env = ((YamlMappingNode)Child(step, "env")!).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!);
                return new ReadmeJob(((YamlScalarNode)Child(step, "run")!).Value!, env, Fallback().Match(matrix).Groups[1].Value);
            }
        }

        throw new InvalidOperationException("No test job with a plan matrix found.");
    }

    /// <summary>The step's environment for one matrix entry, evaluating <c>${{ matrix.x }}</c> and <c>${{ toJSON(matrix.x) }}</c> as the runner does.</summary>
    public Dictionary<string, string> EnvFor(System.Text.Json.Nodes.JsonObject entry)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, expression) in Env)
        {
            var match = MatrixExpression().Match(expression);
            if (!match.Success)
            {
                throw new InvalidOperationException($"env {name}: '{expression}' is not a matrix expression this test evaluates.");
            }

            var value = entry[match.Groups["key"].Value];
            result[name] = match.Groups["json"].Success ? value?.ToJsonString() ?? "null"
                : value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<bool>(out var flag) ? (flag ? "true" : "false")
                : value?.ToString() ?? string.Empty;
        }

        return result;
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    [GeneratedRegex(@"```ya?ml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlFence();

    [GeneratedRegex(@"\|\|\s*'(\{.*\})'")]
    private static partial Regex Fallback();

    [GeneratedRegex(@"^\$\{\{\s*(?:(?<json>toJSON)\(\s*matrix\.(?<key>[\w-]+)\s*\)|matrix\.(?<key>[\w-]+))\s*\}\}$")]
    private static partial Regex MatrixExpression();
}
