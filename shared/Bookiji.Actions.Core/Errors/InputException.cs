namespace Bookiji.Actions.Core.Errors;

/// <summary>One or more inputs are missing or malformed. Carries every error found, each naming its input.</summary>
public sealed class InputException : ActionException
{
    /// <summary>A single error for <paramref name="inputName"/>.</summary>
    public InputException(string inputName, string message)
        : this([new InputError(inputName, message)])
    {
    }

    /// <summary>All errors found by one validation pass.</summary>
    public InputException(IReadOnlyList<InputError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
        Title = "invalid input";
    }

    /// <summary>Every error, in the order found.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>The first input named, for callers that handle one.</summary>
    public string InputName => Errors[0].Input;

    private static string Describe(IReadOnlyList<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one input error is needed.", nameof(errors));
        }

        return errors.Count == 1
            ? errors[0].Message
            : string.Join("\n", errors.Select(e => $"- {e.Message}"));
    }
}
