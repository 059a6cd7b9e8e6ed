using System.Globalization;

namespace Bookiji.Actions.Core.Definition;

/// <summary>A whole number within [<paramref name="Min"/>, <paramref name="Max"/>].</summary>
public sealed record IntegerInput(string Name, string Description, int Default, int Min, int Max) : InputDefinition(Name, Description)
{
    /// <summary>A sentence for a default the action computes (e.g. "random"); the input is then optional.</summary>
    public string? ComputedDefault { get; init; }

    /// <inheritdoc />
    public override string DefaultText => ComputedDefault ?? Default.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string Accepts => string.Create(CultureInfo.InvariantCulture, $"a whole number from {Min} to {Max}");

    /// <inheritdoc />
    protected override string? LiteralDefault => ComputedDefault is null ? DefaultText : null;
}
