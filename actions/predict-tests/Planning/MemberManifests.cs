using System.Text.Json;
using Bookiji.Actions.PredictTests.Changes;

namespace Bookiji.Actions.PredictTests.Planning;

/// <summary>
/// Which changed workspace-member <c>package.json</c> files run everything rather than their package's tests: one
/// holding a test-runner or compiler config (<c>"jest"</c>, <c>"babel"</c>, <c>"mocha"</c>, <c>"ava"</c> — a
/// <c>jest.config.*</c> change in another form), one whose resolution fields (<see cref="MemberManifestFile"/>)
/// differ from the base's (an importer of the old name or subpath is invisible in the head's graph), and, in doubt,
/// one that cannot be read, parsed or compared with its base.
/// </summary>
public static class MemberManifests
{
    /// <summary>The most manifests whose base is read; past it, in doubt.</summary>
    public const int MaxBaseReads = 200;

    /// <summary>Whether <paramref name="file"/> is a changed member manifest whose base text is needed.</summary>
    public static bool NeedsBase(ChangedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Kind == ChangeKind.Modified && IsMemberManifest(file.Path);
    }

    /// <summary>
    /// Changed member manifest → why it runs everything, reading the head's text through <paramref name="readHead"/>
    /// and the base's through <paramref name="readBase"/> (null: unknown).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Find(IEnumerable<ChangedFile> changes, Func<string, string?> readHead, Func<string, string?> readBase)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(readHead);
        ArgumentNullException.ThrowIfNull(readBase);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in changes.Where(c => c.Kind is ChangeKind.Added or ChangeKind.Modified && IsMemberManifest(c.Path)))
        {
            var head = Parse(readHead(file.Path));
            var why = head is null ? "could not be read as a package.json"
                : head.ConfiguresRunner ? "holds a jest/babel/mocha/ava config, like a jest.config.* change"
                : file.Kind == ChangeKind.Added ? null
                : Parse(readBase(file.Path)) is not { } before ? "could not be compared with the base's"
                : head.ResolvesAs(before) ? null
                : "changed how the package resolves (name, exports, main, types, type, workspaces…): importers of the old form are not in the head's graph";
            if (why is not null)
            {
                found[file.Path] = $"{file.Path}: {why}";
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="text"/> holds a runner config, or is not a JSON object (in doubt).</summary>
    public static bool ConfiguresRunner(string text) => Parse(text) is not { } manifest || manifest.ConfiguresRunner;

    private static bool IsMemberManifest(string path) => path.EndsWith("/package.json", StringComparison.Ordinal);

    private static MemberManifestFile? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, PredictTestsJsonContext.Default.MemberManifestFile);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
