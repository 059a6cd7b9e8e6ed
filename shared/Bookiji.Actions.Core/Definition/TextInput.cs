namespace Bookiji.Actions.Core.Definition;

/// <summary>A free-text input (trimmed). Secrets are text inputs with <see cref="InputDefinition.Secret"/> set.</summary>
public sealed record TextInput(string Name, string Description) : InputDefinition(Name, Description)
{
    /// <summary>The value when neither the input nor its fallback is set.</summary>
    public string? Default { get; init; }

    /// <summary>A sentence for a default the action computes (e.g. "the PR base"), shown instead of <see cref="Default"/>.</summary>
    public string? ComputedDefault { get; init; }

    /// <summary>What the text must be, when it is constrained (shown in the README).</summary>
    public string Format { get; init; } = "text";

    /// <inheritdoc />
    public override string? DefaultText => ComputedDefault ?? Default;

    /// <inheritdoc />
    public override string Accepts => Secret ? $"{Format} (secret, masked)" : Format;

    /// <inheritdoc />
    protected override string? LiteralDefault => Default;
}
