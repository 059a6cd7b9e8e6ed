namespace Bookiji.Actions.Core.Definition;

/// <summary>A duration such as <c>250ms</c>, <c>30s</c>, <c>15m</c>, <c>6h</c>, <c>7d</c>; optional when <paramref name="Default"/> is null.</summary>
public sealed record DurationInput(string Name, string Description, TimeSpan? Default, TimeSpan Min, TimeSpan Max) : InputDefinition(Name, Description)
{
    /// <summary>What an unset optional duration means (e.g. "until the sample is replayed").</summary>
    public string? UnsetMeaning { get; init; }

    /// <inheritdoc />
    public override string? DefaultText => Default is { } value ? DurationText.Format(value) : UnsetMeaning;

    /// <inheritdoc />
    public override string Accepts => $"a duration from {DurationText.Format(Min)} to {DurationText.Format(Max)} (e.g. 250ms, 30s, 15m, 6h, 7d)";

    /// <inheritdoc />
    protected override string? LiteralDefault => Default is { } value ? DurationText.Format(value) : null;
}
