using Bookiji.Actions.Core.Errors;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.Core.Inputs;

/// <summary>
/// Reads typed inputs with the project's precedence: the input (<c>with:</c>) &gt; the brief's environment
/// variable (e.g. <c>CANARY_URL</c>) &gt; the documented default. Every problem is collected, so one run
/// reports all bad inputs at once; call <see cref="ThrowIfInvalid"/> after reading.
/// </summary>
/// <remarks>
/// Inputs that have an environment fallback must not declare a default in <c>action.yml</c>: the runner
/// always fills defaults in, which would hide the variable.
/// </remarks>
public sealed partial class InputReader
{
    private readonly ActionCore _core;
    private readonly List<InputError> _errors = [];

    /// <summary>Creates a reader over the toolkit surface.</summary>
    public InputReader(ActionCore core) => _core = core ?? throw new ArgumentNullException(nameof(core));

    /// <summary>The errors collected so far.</summary>
    public IReadOnlyList<InputError> Errors => _errors;

    /// <summary>Records a problem found by the caller's own cross-input validation.</summary>
    public void AddError(string input, string message) => _errors.Add(new InputError(input, message));

    /// <summary>Throws one <see cref="InputException"/> carrying every error, if there were any.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new InputException([.. _errors]);
        }
    }

    /// <summary>
    /// The shared shape of every typed input: absent → the default; present and valid → the value;
    /// present and invalid → an error saying what the input accepts, and the default.
    /// </summary>
    private T Parsed<T>(string input, string? envFallback, T defaultValue, string accepts, Func<string, (bool Ok, T Value)> parse)
    {
        var text = Raw(input, envFallback);
        if (text is null)
        {
            return defaultValue;
        }

        var (ok, value) = parse(text);
        if (ok)
        {
            return value;
        }

        AddError(input, $"{Describe(input, envFallback)} must be {accepts}; got '{text}'.");
        return defaultValue;
    }

    /// <summary>The non-empty lines of a multiline input, trimmed.</summary>
    private IReadOnlyList<string> Lines(string input, string? envFallback = null)
    {
        var text = Raw(input, envFallback);
        return text is null ? [] : [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    /// <summary>The text of the input, else of the fallback variable; <c>null</c> when both are empty.</summary>
    private string? Raw(string input, string? envFallback)
    {
        var value = _core.GetInput(input);
        if (value.Length > 0)
        {
            return value;
        }

        var fallback = envFallback is null ? null : _core.Environment[envFallback]?.Trim();
        return string.IsNullOrEmpty(fallback) ? null : fallback;
    }

    private static string Describe(string input, string? envFallback) =>
        envFallback is null ? $"Input '{input}'" : $"Input '{input}' (or {envFallback})";
}
