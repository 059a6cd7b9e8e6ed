using System.Globalization;

namespace Bookiji.Actions.Core.Definition;

/// <summary>A decimal number within [<paramref name="Min"/>, <paramref name="Max"/>]; optional when <paramref name="Default"/> is null.</summary>
public sealed record NumberInput(string Name, string Description, double? Default, double Min, double Max) : InputDefinition(Name, Description)
{
    /// <summary>What an unset optional number means (e.g. "no limit").</summary>
    public string? UnsetMeaning { get; init; }

    /// <inheritdoc />
    public override string? DefaultText => Default is { } value ? value.ToString(CultureInfo.InvariantCulture) : UnsetMeaning;

    /// <inheritdoc />
    public override string Accepts => string.Create(CultureInfo.InvariantCulture, $"a number from {Min} to {Max}");

    /// <inheritdoc />
    protected override string? LiteralDefault => Default?.ToString(CultureInfo.InvariantCulture);
}
