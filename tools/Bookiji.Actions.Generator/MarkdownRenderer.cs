using System.Text;
using System.Text.RegularExpressions;
using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Generator;

/// <summary>Renders the README tables generated from the declarations and splices them between markers.</summary>
public static partial class MarkdownRenderer
{
    /// <summary>The Inputs table of one action.</summary>
    public static string InputsTable(ActionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var md = new StringBuilder("| input | default | env fallback | accepts | description |\n|---|---|---|---|---|\n");
        foreach (var input in definition.AllInputs)
        {
            md.Append("| `").Append(input.Name).Append("` | ")
                .Append(DefaultShown(input) is { } d ? Code(d) : input.Required ? "*required*" : "—").Append(" | ")
                .Append(input.Env is { } env ? Code(env) : "—").Append(" | ")
                .Append(Cell(input.Accepts + (input.Secret && !input.Accepts.Contains("secret", StringComparison.Ordinal) ? " (secret, masked)" : string.Empty))).Append(" | ")
                .Append(Cell(input.Description)).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>The Outputs table of one action.</summary>
    public static string OutputsTable(ActionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var md = new StringBuilder("| output | description |\n|---|---|\n");
        foreach (var output in definition.Outputs)
        {
            md.Append("| `").Append(output.Name).Append("` | ").Append(Cell(output.Description))
                .Append(output.Secret ? " Masked: it cannot cross jobs." : string.Empty)
                .Append(output.OnError is { } onError ? $" On any error: `{onError}`." : string.Empty).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>The root README's table of actions.</summary>
    public static string ActionsTable(IEnumerable<ActionDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var md = new StringBuilder("| action | brief | what it does |\n|---|---|---|\n");
        foreach (var definition in definitions)
        {
            md.Append("| [`").Append(definition.Name).Append("`](actions/").Append(definition.Name).Append("/README.md) | ")
                .Append(definition.BriefSection).Append(" | ").Append(Cell(definition.Description)).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>The CI playbook's table of every input of every action: the one place to see what to configure.</summary>
    public static string AllInputsTable(IEnumerable<ActionDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var md = new StringBuilder("| action | input | env var / repository variable | default | secret |\n|---|---|---|---|---|\n");
        foreach (var definition in definitions)
        {
            foreach (var input in definition.Inputs)
            {
                md.Append("| `").Append(definition.Name).Append("` | `").Append(input.Name).Append("` | ")
                    .Append(input.Env is { } env ? Code(env) : "—").Append(" | ")
                    .Append(DefaultShown(input) is { } d ? Code(d) : "—").Append(" | ")
                    .Append(input.Secret ? "yes" : string.Empty).Append(" |\n");
            }
        }

        return md.ToString();
    }

    /// <summary>The CI playbook's table of permissions and off switches per action.</summary>
    public static string PermissionsTable(IEnumerable<ActionDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var md = new StringBuilder("| action | job permissions | switch it off |\n|---|---|---|\n");
        foreach (var definition in definitions)
        {
            md.Append("| `").Append(definition.Name).Append("` | ")
                .Append(definition.Permissions.Count == 0 ? "`contents: read`" : string.Join("<br>", definition.Permissions.Select(Cell))).Append(" | ")
                .Append(Cell(definition.SwitchOff ?? "remove its step")).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>
    /// Replaces the text between <c>&lt;!-- generated:NAME --&gt;</c> and <c>&lt;!-- /generated:NAME --&gt;</c>;
    /// null when the markers are missing.
    /// </summary>
    public static string? Splice(string document, string name, string content)
    {
        ArgumentNullException.ThrowIfNull(document);
        var start = $"<!-- generated:{name} -->";
        var end = $"<!-- /generated:{name} -->";
        var i = document.IndexOf(start, StringComparison.Ordinal);
        var j = document.IndexOf(end, StringComparison.Ordinal);
        if (i < 0 || j < i)
        {
            return null;
        }

        return document[..(i + start.Length)] + "\n" + content + document[j..];
    }

    /// <summary>
    /// Rewrites every inline default in prose, <c>&lt;!-- default:INPUT --&gt;…&lt;!-- /default --&gt;</c>, to the declared
    /// default of INPUT: a bare name is an input of <paramref name="own"/> (the action's README), <c>action/input</c> names
    /// any action. Problems name each marker that matches no declared input or one without a default.
    /// </summary>
    public static (string Document, IReadOnlyList<string> Problems) InlineDefaults(string document, ActionDefinition? own, IReadOnlyList<ActionDefinition> all)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(all);
        var problems = new List<string>();
        var rewritten = InlineDefault().Replace(document, match =>
        {
            var name = match.Groups["name"].Value;
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            var definition = slash < 0 ? own : all.FirstOrDefault(d => d.Name == name[..slash]);
            var input = definition?.AllInputs.FirstOrDefault(i => i.Name == (slash < 0 ? name : name[(slash + 1)..]));
            if (input is null || DefaultShown(input) is not { } shown)
            {
                problems.Add($"<!-- default:{name} --> names {(input is null ? "no declared input" : "an input without a default")}");
                return match.Value;
            }

            return $"<!-- default:{name} -->`{shown.Replace("`", "'", StringComparison.Ordinal)}`<!-- /default -->";
        });
        return (rewritten, problems);
    }

    /// <summary>
    /// The default a reader should see: the runner's (<c>${{ github.token }}</c>) when there is one, since it is what
    /// action.yml fills in and it wins over the environment fallback; else the declared default.
    /// </summary>
    public static string? DefaultShown(InputDefinition input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.RunnerDefault ?? input.DefaultText;
    }

    private static string Code(string text) => "`" + text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal) + "`";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // The value may not hold another marker: an unclosed one must not swallow the next and the prose between.
    [GeneratedRegex(@"<!-- default:(?<name>[a-z0-9-]+(?:/[a-z0-9-]+)?) -->(?:(?!<!-- /?default)[^\n])*<!-- /default -->", RegexOptions.CultureInvariant)]
    private static partial Regex InlineDefault();
}
