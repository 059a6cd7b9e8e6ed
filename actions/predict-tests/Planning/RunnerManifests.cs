using System.Text.Json;
using Bookiji.Actions.PredictTests.Changes;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>
/// Which changed workspace-member <c>package.json</c> files hold a test-runner or compiler config (<c>"jest"</c>,
/// <c>"babel"</c>, <c>"mocha"</c>, <c>"ava"</c>): such a change is a <c>jest.config.*</c> change in another form
/// (its <c>roots</c>, <c>projects</c> or transforms may reach any test), so it runs everything as those do. One that
/// cannot be read or parsed counts too: in doubt, never narrow.
/// </summary>
public static class RunnerManifests
{
    /// <summary>The changed member manifests of <paramref name="changes"/> that configure a runner, read through <paramref name="readText"/>.</summary>
    public static IReadOnlySet<string> Find(IEnumerable<ChangedFile> changes, Func<string, string?> readText)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(readText);
        return changes.Where(c => c.Kind != ChangeKind.Removed && c.Path.EndsWith("/package.json", StringComparison.Ordinal))
            .Select(c => c.Path)
            .Where(p => readText(p) is not { } text || ConfiguresRunner(text))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the manifest <paramref name="text"/> holds a runner config, or is not a JSON object.</summary>
    public static bool ConfiguresRunner(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, PredictTestsJsonContext.Default.RunnerManifestFile) is not { } manifest || manifest.ConfiguresRunner;
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
