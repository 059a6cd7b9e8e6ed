namespace Bookiji.Actions.EphemeralEnv;

/// <summary>A parsed connection URL whose secret parts must be masked before anything prints.</summary>
public interface ISecretConnection
{
    /// <summary>Every spelling of the secrets it carries (e.g. the password, raw and URL-escaped).</summary>
    IReadOnlyList<string> Secrets { get; }
}
