namespace Bookiji.Actions.Core.Definition;

/// <summary>
/// The one declaration of an action: its metadata, every input and every output. <c>action.yml</c> and the
/// README's tables are generated from it (<c>tools/Bookiji.Actions.Generator</c>), the input reader takes
/// defaults and ranges from it, and a test fails when the committed files drift from it.
/// </summary>
public sealed record ActionDefinition
{
    /// <summary>The Marketplace's limit on an action's description.</summary>
    public const int MaxDescriptionLength = 125;

    /// <summary>The folder under <c>actions/</c> and the executable's name, e.g. <c>deploy-metadata</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the action does, at most <see cref="MaxDescriptionLength"/> characters.</summary>
    public required string Description { get; init; }

    /// <summary>The section of the brief the action implements, e.g. <c>§5</c>.</summary>
    public required string BriefSection { get; init; }

    /// <summary>The Marketplace icon (a Feather icon name).</summary>
    public string Icon { get; init; } = "check-circle";

    /// <summary>The Marketplace colour.</summary>
    public string Color { get; init; } = "blue";

    /// <summary>The job permissions the action's token needs, each with why (e.g. <c>deployments: write — …</c>).</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>Whether the action runs git (its image then carries git and the libraries git needs).</summary>
    public bool NeedsGit { get; init; }

    /// <summary>How to switch the action off on its own (shown in the CI playbook).</summary>
    public string? SwitchOff { get; init; }

    /// <summary>The action's own inputs, in the order they are documented (<c>fail-on-error</c> is added by <see cref="AllInputs"/>).</summary>
    public required IReadOnlyList<InputDefinition> Inputs { get; init; }

    /// <summary>Every output, in the order it is documented.</summary>
    public required IReadOnlyList<OutputDefinition> Outputs { get; init; }

    /// <summary>The action's inputs followed by the inputs every action shares.</summary>
    public IReadOnlyList<InputDefinition> AllInputs => [.. Inputs, CommonInputs.FailOnError];

    /// <summary>The title shown on the Marketplace (<c>name:</c> in action.yml).</summary>
    public string Title => $"Bookiji {Name}";

    /// <summary>Problems with the declaration itself (names, descriptions, duplicates); empty when it is sound.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Description.Length > MaxDescriptionLength)
        {
            problems.Add($"{Name}: the description has {Description.Length} characters; the Marketplace accepts at most {MaxDescriptionLength}.");
        }

        foreach (var group in AllInputs.GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{Name}: input '{group.Key}' is declared {group.Count()} times.");
        }

        foreach (var group in Outputs.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{Name}: output '{group.Key}' is declared {group.Count()} times.");
        }

        foreach (var input in AllInputs.Where(i => string.IsNullOrWhiteSpace(i.Description)))
        {
            problems.Add($"{Name}: input '{input.Name}' has no description.");
        }

        foreach (var output in Outputs.Where(o => string.IsNullOrWhiteSpace(o.Description)))
        {
            problems.Add($"{Name}: output '{output.Name}' has no description.");
        }

        return problems;
    }
}
