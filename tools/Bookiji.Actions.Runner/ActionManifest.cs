using YamlDotNet.RepresentationModel;

namespace Bookiji.Actions.Runner;

/// <summary>An input declared in <c>action.yml</c>.</summary>
/// <param name="Name">The input's name.</param>
/// <param name="Description">Its description.</param>
/// <param name="Required">Whether it is marked required (the runner does not enforce this).</param>
/// <param name="Default">Its default, which the runner fills in when the step does not set it.</param>
public sealed record ActionInputDefinition(string Name, string Description, bool Required, string? Default);

/// <summary>The parts of <c>action.yml</c> the runner uses.</summary>
/// <param name="Name">The action's name.</param>
/// <param name="Inputs">Declared inputs, in file order.</param>
/// <param name="Outputs">Declared output names.</param>
/// <param name="Using">The <c>runs.using</c> value.</param>
/// <param name="Image">The <c>runs.image</c> value.</param>
/// <param name="Entrypoint">The <c>runs.entrypoint</c> value.</param>
public sealed record ActionManifest(
    string Name,
    IReadOnlyList<ActionInputDefinition> Inputs,
    IReadOnlyList<string> Outputs,
    string Using,
    string? Image,
    string? Entrypoint)
{
    /// <summary>Reads <c>action.yml</c> (or <c>action.yaml</c>) from an action's folder.</summary>
    public static ActionManifest Load(string actionDirectory)
    {
        var path = Path.Combine(actionDirectory, "action.yml");
        if (!File.Exists(path))
        {
            path = Path.Combine(actionDirectory, "action.yaml");
        }

        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var inputs = new List<ActionInputDefinition>();
        if (Child(root, "inputs") is YamlMappingNode inputMap)
        {
            foreach (var (key, value) in inputMap.Children)
            {
                var def = value as YamlMappingNode;
                inputs.Add(new ActionInputDefinition(
                    ((YamlScalarNode)key).Value!,
                    Scalar(def, "description") ?? string.Empty,
                    string.Equals(Scalar(def, "required"), "true", StringComparison.OrdinalIgnoreCase),
                    Scalar(def, "default")));
            }
        }

        var outputs = Child(root, "outputs") is YamlMappingNode outputMap
            ? outputMap.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList()
            : [];
        var runs = Child(root, "runs") as YamlMappingNode;
        return new ActionManifest(
            Scalar(root, "name") ?? string.Empty,
            inputs,
            outputs,
            Scalar(runs, "using") ?? string.Empty,
            Scalar(runs, "image"),
            Scalar(runs, "entrypoint"));
    }

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode? map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}
