using Bookiji.Actions.Core.Definition;
using Bookiji.Actions.Core.Inputs;
using Bookiji.Actions.Core.Toolkit;

namespace Bookiji.Actions.EphemeralEnv;

/// <summary>Reads a secret connection URL input (database, Redis) the same way: masked, parsed, its error naming the input but never the value.</summary>
internal static class SecretUrlInput
{
    /// <summary>The parsed connection, or null when the input is unset or invalid (then an error is recorded).</summary>
    public static T? Read<T>(InputReader reader, ActionCore core, TextInput input, Func<string, (T? Value, string? Error)> parse)
        where T : class, ISecretConnection
    {
        var text = reader.Read(input);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var (value, error) = parse(text);
        if (value is null)
        {
            // The value is a secret: name the input and the expected form, never the value.
            reader.AddError(input.Name, $"{input.Describe()} {error ?? "is not a valid URL."}");
            return null;
        }

        // The whole user:password first: a short password is masked only as part of it (SetSecret skips it alone).
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            core.SetUserInfoSecret(uri.UserInfo);
        }

        foreach (var secret in value.Secrets.Where(s => s.Length > 0))
        {
            core.SetSecret(secret);
        }

        return value;
    }
}
