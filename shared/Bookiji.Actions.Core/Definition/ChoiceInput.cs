namespace Bookiji.Actions.Core.Definition;

/// <summary>One of a fixed set of words (compared case-insensitively), each mapped to a value (usually an enum).</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed record ChoiceInput<T> : InputDefinition
    where T : notnull
{
    /// <summary>Declares a choice; <paramref name="choices"/> lists each accepted word with its value, the default among them.</summary>
    public ChoiceInput(string name, string description, T defaultValue, params (string Word, T Value)[] choices)
        : base(name, description)
    {
        ArgumentNullException.ThrowIfNull(choices);
        Default = defaultValue;
        Choices = choices;
        if (!choices.Any(c => EqualityComparer<T>.Default.Equals(c.Value, defaultValue)))
        {
            throw new ArgumentException($"The default of '{name}' is not among its choices.", nameof(defaultValue));
        }
    }

    /// <summary>The value when the input is not set.</summary>
    public T Default { get; }

    /// <summary>The accepted words and their values, in documented order.</summary>
    public IReadOnlyList<(string Word, T Value)> Choices { get; }

    /// <inheritdoc />
    public override string DefaultText => Choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, Default)).Word;

    /// <inheritdoc />
    public override string Accepts => string.Join(" | ", Choices.Select(c => c.Word));

    /// <summary>The value for <paramref name="word"/>, if it is one of the choices.</summary>
    public bool TryParse(string word, out T value)
    {
        foreach (var choice in Choices)
        {
            if (string.Equals(choice.Word, word, StringComparison.OrdinalIgnoreCase))
            {
                value = choice.Value;
                return true;
            }
        }

        value = Default;
        return false;
    }
}
