using System.Text.Json.Nodes;

namespace Bookiji.Actions.StandIns.Fakes;

/// <summary>A deployment held by <see cref="FakeGitHubServer"/>, with its statuses (newest last).</summary>
public sealed class FakeDeployment
{
    /// <summary><c>owner/name</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>The deployment id.</summary>
    public required long Id { get; init; }

    /// <summary>The commit SHA.</summary>
    public required string Sha { get; init; }

    /// <summary>The ref asked for (GitHub resolves it to <see cref="Sha"/>).</summary>
    public required string Ref { get; init; }

    public required string Environment { get; init; }

    /// <summary>The payload as sent (an object, or a JSON string).</summary>
    public JsonNode? Payload { get; init; }

    public string? Description { get; init; }

    /// <summary>Whether the environment is transient.</summary>
    public bool Transient { get; init; }

    /// <summary>Whether the environment is production.</summary>
    public bool Production { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its statuses, oldest first.</summary>
    public List<(long Id, string State, string? EnvironmentUrl, string? LogUrl, string? Description, DateTimeOffset CreatedAt)> Statuses { get; } = [];
}
