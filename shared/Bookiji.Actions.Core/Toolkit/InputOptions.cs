namespace Bookiji.Actions.Core.Toolkit;

/// <summary>Options for reading an input, as the toolkit's <c>InputOptions</c>.</summary>
public sealed record InputOptions
{
    /// <summary>Fail with "Input required and not supplied: NAME" when the input is empty. Default: false.</summary>
    public bool Required { get; init; }

    /// <summary>Trim leading and trailing white space. Default: true.</summary>
    public bool TrimWhitespace { get; init; } = true;
}
