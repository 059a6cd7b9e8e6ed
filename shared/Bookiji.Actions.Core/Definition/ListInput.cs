namespace Bookiji.Actions.Core.Definition;

/// <summary>A list, one entry per line (blank lines ignored); the defaults apply when no line is given.</summary>
public sealed record ListInput(string Name, string Description) : InputDefinition(Name, Description)
{
    /// <summary>The entries used when the input is empty.</summary>
    public IReadOnlyList<string> Defaults { get; init; } = [];

    /// <summary>What each line must be (shown in the README).</summary>
    public string Format { get; init; } = "one entry per line";

    /// <summary>A sentence describing the defaults when they are too long to list.</summary>
    public string? DefaultSummary { get; init; }

    /// <inheritdoc />
    public override string? DefaultText => DefaultSummary ?? (Defaults.Count == 0 ? null : string.Join(", ", Defaults));

    /// <inheritdoc />
    public override string Accepts => Format;

    /// <inheritdoc />
    protected override string? LiteralDefault => null;
}
