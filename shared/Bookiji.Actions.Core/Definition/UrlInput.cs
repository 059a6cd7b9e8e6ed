namespace Bookiji.Actions.Core.Definition;

/// <summary>An absolute http(s) URL, kept as the user wrote it (see <see cref="Inputs.UserUrl"/>).</summary>
public sealed record UrlInput(string Name, string Description) : InputDefinition(Name, Description)
{
    /// <summary>The URL when neither the input nor its fallback is set.</summary>
    public string? Default { get; init; }

    /// <summary>A sentence for a default the action computes (e.g. "the baseUrl of .ephemeral-env.json").</summary>
    public string? ComputedDefault { get; init; }

    /// <summary>Refuse URLs carrying <c>user:password@</c> (they would reach files others read).</summary>
    public bool RefuseCredentials { get; init; }

    /// <inheritdoc />
    public override string? DefaultText => ComputedDefault ?? Default;

    /// <inheritdoc />
    public override string Accepts => RefuseCredentials ? "an absolute http(s) URL without credentials" : "an absolute http(s) URL";

    /// <inheritdoc />
    protected override string? LiteralDefault => Default;
}
