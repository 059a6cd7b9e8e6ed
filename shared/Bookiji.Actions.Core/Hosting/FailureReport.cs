using System.Text;
using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Markdown;

namespace Bookiji.Actions.Core.Hosting;

/// <summary>
/// What a failed run leaves behind, so a misconfigured gate never passes silently: every decision output set to
/// its fail-closed value (<see cref="OutputDefinition.OnError"/>) and a step summary naming every error.
/// </summary>
public static class FailureReport
{
    /// <summary>The most errors listed in the summary (the annotations carry every one).</summary>
    public const int MaxListed = 50;

    /// <summary>The decision outputs of <paramref name="definition"/> and the values they take on failure.</summary>
    public static IReadOnlyList<(OutputDefinition Output, string Value)> FailClosedOutputs(ActionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return [.. definition.Outputs.Where(o => o.OnError is not null).Select(o => (o, o.OnError!))];
    }

    /// <summary>The summary section of a failed run (markdown; every message quoted inertly).</summary>
    public static string SummaryMarkdown(ActionDefinition definition, IReadOnlyList<string> errors, bool continued)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(errors);
        var md = new StringBuilder();
        md.Append("## ❌ ").Append(definition.Name).Append(": the run failed\n\n");
        md.Append(errors.Count == 1 ? "One error" : $"{errors.Count} errors").Append(" (each is also an error annotation):\n\n");
        foreach (var error in errors.Take(MaxListed))
        {
            md.Append("- ").Append(InertText.Code(error, 1000)).Append('\n');
        }

        if (errors.Count > MaxListed)
        {
            md.Append("- … and ").Append(errors.Count - MaxListed).Append(" more (see the annotations).\n");
        }

        var outputs = FailClosedOutputs(definition);
        if (outputs.Count > 0)
        {
            md.Append("\nDecision outputs were set to fail closed: ")
                .Append(string.Join(", ", outputs.Select(o => $"`{o.Output.Name}` = `{(o.Value.Length == 0 ? "(empty)" : o.Value)}`")))
                .Append(".\n");
        }

        md.Append(continued
            ? $"\nThe step continued (non-blocking); set `{CommonInputs.FailOnError.Name}: true` to fail it on errors.\n"
            : "\nThe step failed (fail-on-error: true).\n");
        return md.ToString();
    }
}
