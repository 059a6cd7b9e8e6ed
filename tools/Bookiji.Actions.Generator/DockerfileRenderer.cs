using Bookiji.Actions.Core.Definition;

namespace Bookiji.Actions.Generator;

/// <summary>
/// Renders an action's <c>&lt;name&gt;.Dockerfile</c> from the root <c>Dockerfile</c> (the template): the same text
/// with the action's name and git variant as the build arguments' defaults, so the runner builds it without arguments.
/// </summary>
public static class DockerfileRenderer
{
    /// <summary>The template's build argument naming the action.</summary>
    public const string ActionArgument = "ARG ACTION=\n";

    /// <summary>The template's build argument choosing the final stage.</summary>
    public const string GitArgument = "ARG GIT=without-git\n";

    /// <summary>
    /// The file name for <paramref name="definition"/>, relative to the repository root. It must end in
    /// <c>Dockerfile</c>: the runner builds an action's image only from a path ending so (else it wants docker://).
    /// </summary>
    public static string FileName(ActionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Name + ".Dockerfile";
    }

    /// <summary>The file's text, or null when the template lacks one of its two build arguments.</summary>
    public static string? Render(string template, ActionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(definition);
        if (Count(template, ActionArgument) != 1 || Count(template, GitArgument) != 1)
        {
            return null;
        }

        return "# Generated from the root Dockerfile (the template) for actions/" + definition.Name
            + " by scripts/generate.sh: edit the template, then run it.\n"
            + template
                .Replace(ActionArgument, "ARG ACTION=" + definition.Name + "\n", StringComparison.Ordinal)
                .Replace(GitArgument, definition.NeedsGit ? "ARG GIT=with-git\n" : GitArgument, StringComparison.Ordinal);
    }

    private static int Count(string text, string line) => text.Split('\n').Count(l => l == line.TrimEnd('\n'));
}
