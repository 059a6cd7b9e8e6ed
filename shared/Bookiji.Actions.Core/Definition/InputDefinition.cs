namespace Bookiji.Actions.Core.Definition;

/// <summary>
/// One input, declared once: its name, description, environment fallback, default and what it accepts.
/// Subclasses carry the type; <see cref="Inputs.InputReader"/> reads each kind.
/// </summary>
public abstract record InputDefinition
{
    /// <summary>Declares an input.</summary>
    protected InputDefinition(string name, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description ?? string.Empty;
    }

    /// <summary>The input's name as in <c>with:</c>.</summary>
    public string Name { get; }

    /// <summary>What the input means, one or two sentences.</summary>
    public string Description { get; }

    /// <summary>The environment variable read when the input is empty (the brief's names, e.g. <c>CANARY_URL</c>).</summary>
    public string? Env { get; init; }

    /// <summary>The input must be given (with its fallback, when there is one).</summary>
    public bool Required { get; init; }

    /// <summary>The value is masked with <c>add-mask</c> as soon as it is read.</summary>
    public bool Secret { get; init; }

    /// <summary>
    /// A default the runner fills in from <c>action.yml</c>, such as <c>${{ github.token }}</c>; it wins over
    /// <see cref="Env"/>, so only expressions that equal the variable belong here.
    /// </summary>
    public string? RunnerDefault { get; init; }

    /// <summary>The default as the user should read it (a literal, or a sentence for computed defaults).</summary>
    public abstract string? DefaultText { get; }

    /// <summary>What the input accepts, e.g. <c>a whole number from 1 to 16</c>.</summary>
    public abstract string Accepts { get; }

    /// <summary>
    /// The default written to <c>action.yml</c>: the runner default, or the literal default when there is no
    /// environment fallback (a declared default would always hide the variable).
    /// </summary>
    public string? ActionYmlDefault => RunnerDefault ?? (Env is null ? LiteralDefault : null);

    /// <summary>The literal default, when the default is a plain value the runner may fill in.</summary>
    protected virtual string? LiteralDefault => DefaultText;

    /// <summary>How the input is named in messages: <c>Input 'x'</c> or <c>Input 'x' (or X)</c>.</summary>
    public string Describe() => Env is null ? $"Input '{Name}'" : $"Input '{Name}' (or {Env})";
}
