using System.Collections;

namespace Bookiji.Actions.Core.Toolkit;

/// <summary>
/// The environment variables an action sees. Injected rather than read from the process so that tests
/// can pass a dictionary and run in parallel; <see cref="FromProcess"/> is used only by <c>Main</c>.
/// </summary>
public sealed class ActionEnvironment
{
    private readonly Dictionary<string, string> _variables;

    /// <summary>Creates an environment holding a copy of <paramref name="variables"/>.</summary>
    public ActionEnvironment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in variables)
        {
            _variables[key] = value;
        }
    }

    /// <summary>A snapshot of the current process environment.</summary>
    public static ActionEnvironment FromProcess()
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                pairs.Add(new(key, value));
            }
        }

        return new ActionEnvironment(pairs);
    }

    /// <summary>The value of <paramref name="name"/>, or <c>null</c> when it is not set.</summary>
    public string? this[string name] => _variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>The value of <paramref name="name"/> when it is set and not empty; otherwise <c>null</c>.</summary>
    public string? GetNonEmpty(string name) => string.IsNullOrEmpty(this[name]) ? null : this[name];

    /// <summary>Sets a variable for the rest of this action's run (as <c>process.env[name] = value</c> does in the toolkit).</summary>
    public void Set(string name, string value) => _variables[name] = value;

    /// <summary>All variables, for diagnostics and child processes.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;
}
