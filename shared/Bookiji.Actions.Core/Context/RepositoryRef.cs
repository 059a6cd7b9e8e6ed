namespace Bookiji.Actions.Core.Context;

/// <summary>An <c>owner/name</c> repository reference.</summary>
/// <param name="Owner">The owner (user or organisation).</param>
/// <param name="Name">The repository name.</param>
public sealed record RepositoryRef(string Owner, string Name)
{
    /// <summary>Parses <c>owner/name</c>; <c>null</c> when the text is not of that form.</summary>
    public static RepositoryRef? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split('/');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? new RepositoryRef(parts[0], parts[1]) : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Owner}/{Name}";
}
