using System.Text.RegularExpressions;

namespace Bookiji.Actions.Generator;

/// <summary>
/// The release rewrite: every action.yml's <c>image: ../../Dockerfile</c> becomes
/// <c>image: docker://REGISTRY/NAME@sha256:DIGEST</c>, so users pull the image built once by the release instead of
/// building the Dockerfile in every job. Only the <c>image:</c> line changes; the digest pins the exact bytes.
/// </summary>
public static partial class ReleaseRewriter
{
    /// <summary>Whether <paramref name="image"/> is <c>registry/name@sha256:&lt;64 hex&gt;</c> (no tag: tags move).</summary>
    public static bool IsPinnedImage(string image) => PinnedImage().IsMatch(image ?? string.Empty);

    /// <summary>The action.yml text with its Dockerfile image replaced by <paramref name="image"/>.</summary>
    public static string Rewrite(string actionYml, string image)
    {
        ArgumentNullException.ThrowIfNull(actionYml);
        if (!IsPinnedImage(image))
        {
            throw new ArgumentException($"'{image}' is not an image pinned by digest (registry/name@sha256:<64 hex>).", nameof(image));
        }

        var rewritten = DockerfileImage().Replace(actionYml, m => $"{m.Groups[1].Value}image: docker://{image}", 1);
        return rewritten == actionYml
            ? throw new InvalidOperationException("the action.yml has no 'image: ../../Dockerfile' line to rewrite")
            : rewritten;
    }

    /// <summary>Rewrites every action.yml under <paramref name="repositoryRoot"/>/actions; returns the files changed.</summary>
    public static IReadOnlyList<string> RewriteAll(string repositoryRoot, string image)
    {
        var changed = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(repositoryRoot, "actions"), "action.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            File.WriteAllText(file, Rewrite(File.ReadAllText(file), image));
            changed.Add(file);
        }

        return changed;
    }

    [GeneratedRegex(@"^[a-z0-9.\-]+(:[0-9]+)?(/[a-z0-9._\-]+)+@sha256:[0-9a-f]{64}\z")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"^(\s*)image:\s*['""]?\.\./\.\./Dockerfile['""]?\s*$", RegexOptions.Multiline)]
    private static partial Regex DockerfileImage();
}
