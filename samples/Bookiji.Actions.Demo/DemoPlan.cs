using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Bookiji.Actions.Demo;

/// <summary>
/// The demo job, discovered: every <c>actions/*/demo.yml</c> contributes its <c>steps</c> (run lowest
/// <c>order</c> first) and its <c>cleanup</c> steps (run last, in reverse order). <c>${{ demo.NAME }}</c> is
/// replaced by what the demo provides; an input whose value the demo cannot provide (say, no Redis here) is left
/// out, as a workflow would leave out an unset variable.
/// </summary>
internal static partial class DemoPlan
{
    public static IReadOnlyList<DemoStep> Load(string repositoryRoot, IReadOnlyDictionary<string, string?> values)
    {
        var fragments = new List<(int Order, List<DemoStep> Steps, List<DemoStep> Cleanup)>();
        foreach (var file in Directory.GetFiles(Path.Combine(repositoryRoot, "actions"), "demo.yml", SearchOption.AllDirectories))
        {
            var yaml = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                yaml.Load(reader);
            }

            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var order = int.Parse(Scalar(root, "order") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
            fragments.Add((order, Steps(root, "steps", values), Steps(root, "cleanup", values)));
        }

        var ordered = fragments.OrderBy(f => f.Order).ToList();
        return [.. ordered.SelectMany(f => f.Steps), .. Enumerable.Reverse(ordered).SelectMany(f => f.Cleanup)];
    }

    private static List<DemoStep> Steps(YamlMappingNode root, string key, IReadOnlyDictionary<string, string?> values)
    {
        var steps = new List<DemoStep>();
        if (Child(root, key) is not YamlSequenceNode sequence)
        {
            return steps;
        }

        foreach (var node in sequence.Children.OfType<YamlMappingNode>())
        {
            var uses = Scalar(node, "uses") ?? throw new InvalidDataException("a demo step needs 'uses: ./actions/<name>'");
            steps.Add(new DemoStep(
                Scalar(node, "id") ?? Path.GetFileName(uses),
                Path.GetFileName(uses.TrimEnd('/')),
                Map(node, "with", values),
                Map(node, "env", values),
                Scalar(node, "event-action") ?? "synchronize",
                Scalar(node, "clock") is { } clock ? DateTimeOffset.Parse(clock, System.Globalization.CultureInfo.InvariantCulture) : null));
        }

        return steps;
    }

    private static Dictionary<string, string> Map(YamlMappingNode step, string key, IReadOnlyDictionary<string, string?> values)
    {
        var map = new Dictionary<string, string>();
        if (Child(step, key) is not YamlMappingNode node)
        {
            return map;
        }

        foreach (var (name, value) in node.Children)
        {
            var text = ((YamlScalarNode)value).Value ?? string.Empty;
            var missing = false;
            var resolved = DemoExpression().Replace(text, m =>
            {
                if (values.TryGetValue(m.Groups[1].Value, out var provided) && provided is not null)
                {
                    return provided;
                }

                missing = true;
                return string.Empty;
            });
            if (!missing)
            {
                map[((YamlScalarNode)name).Value!] = resolved;
            }
        }

        return map;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    [GeneratedRegex(@"\$\{\{\s*demo\.([\w-]+)\s*\}\}")]
    private static partial Regex DemoExpression();
}
