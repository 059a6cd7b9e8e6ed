using System.Text;
using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Generator;

/// <summary>Renders an action's whole <c>action.yml</c> from its declaration.</summary>
public static class ActionYmlRenderer
{
    /// <summary>The file's text.</summary>
    public static string Render(ActionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var yml = new StringBuilder();
        yml.Append("# Generated from the action's declaration (").Append(definition.Name)
            .Append(" Definition): edit it there, then run scripts/generate.sh.\n");
        yml.Append("name: ").Append(Yaml.Scalar(definition.Title)).Append('\n');
        yml.Append("description: ").Append(Yaml.Scalar(definition.Description)).Append('\n');
        yml.Append("author: Bookiji\n");
        yml.Append("branding:\n  icon: ").Append(definition.Icon).Append("\n  color: ").Append(definition.Color).Append('\n');
        yml.Append("inputs:\n");
        foreach (var input in definition.AllInputs)
        {
            yml.Append("  ").Append(input.Name).Append(":\n");
            yml.Append("    description: ").Append(Yaml.Scalar(Describe(input))).Append('\n');
            yml.Append("    required: ").Append(IsRequiredInYml(input) ? "true" : "false").Append('\n');
            if (input.ActionYmlDefault is { } value)
            {
                yml.Append("    default: ").Append(Yaml.Scalar(value)).Append('\n');
            }
        }

        yml.Append("outputs:\n");
        foreach (var output in definition.Outputs)
        {
            yml.Append("  ").Append(output.Name).Append(":\n");
            yml.Append("    description: ").Append(Yaml.Scalar(output.Secret ? output.Description + " Masked." : output.Description)).Append('\n');
        }

        yml.Append("runs:\n  using: docker\n  image: ../../").Append(DockerfileRenderer.FileName(definition))
            .Append("\n  entrypoint: /actions/").Append(definition.Name).Append('\n');
        return yml.ToString();
    }

    /// <summary>The description with what the table columns say elsewhere: fallback, default, secrecy.</summary>
    internal static string Describe(InputDefinition input)
    {
        var text = new StringBuilder(input.Description.TrimEnd());
        if (input.Env is not null)
        {
            text.Append(" Falls back to ").Append(input.Env).Append('.');
        }

        if (input.DefaultText is { } shown && input.ActionYmlDefault != shown)
        {
            text.Append(" Default: ").Append(shown).Append('.');
        }

        if (input.Secret)
        {
            text.Append(" Secret (masked).");
        }

        return text.ToString();
    }

    // The runner does not enforce `required`; declaring it where an environment variable may supply the value would mislead linters.
    private static bool IsRequiredInYml(InputDefinition input) => input.Required && input.Env is null && input.RunnerDefault is null;
}
