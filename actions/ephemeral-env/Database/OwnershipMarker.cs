using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>
/// What the action writes with <c>COMMENT ON SCHEMA</c> (and <c>ON ROLE</c>) to mark what it created. Only objects
/// carrying this marker are ever dropped: a schema that merely matches the prefix is left alone.
/// </summary>
public sealed record OwnershipMarker
{
    /// <summary>The creator's name; its presence is what marks ownership.</summary>
    public const string CreatorName = "bookiji/ephemeral-env";

    /// <summary>Always <see cref="CreatorName"/>.</summary>
    [JsonPropertyName("creator")]
    public string Creator { get; init; } = CreatorName;

    /// <summary>The environment id.</summary>
    [JsonPropertyName("appEnv")]
    public required string AppEnv { get; init; }

    /// <summary>The repository that created it, <c>owner/name</c>.</summary>
    [JsonPropertyName("repository")]
    public string? Repository { get; init; }

    /// <summary>The pull request, when made for one.</summary>
    [JsonPropertyName("pr")]
    public int? PullRequest { get; init; }

    /// <summary>When it was created (ISO-8601 UTC).</summary>
    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The workflow run that created it.</summary>
    [JsonPropertyName("runId")]
    public long? RunId { get; init; }

    /// <summary>The marker's JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, MarkerJsonContext.Default.OwnershipMarker);

    /// <summary>Reads a comment; <c>null</c> unless it is this action's marker.</summary>
    public static OwnershipMarker? TryParse(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment) || !comment.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            var marker = JsonSerializer.Deserialize(comment, MarkerJsonContext.Default.OwnershipMarker);
            return marker is { Creator: CreatorName } ? marker : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
